using Rig.Audio.Mixing;
using Rig.Audio.Playlists;
using Rig.Audio.Synthesis;

namespace Rig.Audio.Tests.Mixing;

public class MixingTests
{
    private static double Db(double ratio) => 20 * Math.Log10(ratio);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-10.0)]
    [InlineData(7.5)]
    public void An_interferer_is_added_at_its_snr_over_the_clean_signal(double snr)
    {
        var signal = SynthSounds.Render("dog_bark", 3, 1, 16000);
        var noise = SynthSounds.Render("metal", 4, 1, 16000);
        var mixture = signal.ToArray();
        SnrMixer.AddAt(mixture, SnrMixer.Rms(signal), noise, snr);
        var added = mixture.Select((v, i) => v - signal[i]).ToArray();
        Assert.Equal(snr, Db(SnrMixer.Rms(signal) / SnrMixer.Rms(added)), 2);
        // What was added is the interferer itself, scaled: one gain for every sample.
        var gain = SnrMixer.Rms(added) / SnrMixer.Rms(noise);
        for (var i = 0; i < noise.Length; i += 97) Assert.Equal(gain * noise[i], added[i], 3);
    }

    [Fact]
    public void A_silent_signal_gets_no_interferer()
    {
        var mixture = new float[100];
        SnrMixer.AddAt(mixture, 0, Enumerable.Repeat(0.5f, 100).ToArray(), -10);
        Assert.All(mixture, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Reverb_decays_by_60_dB_in_rt60_and_wet_0_is_dry()
    {
        const int rate = 16000;
        const double rt60 = 0.6;
        var impulse = new float[rate];
        impulse[0] = 1;
        SchroederReverb.Apply(impulse, rate, rt60, 1.0);
        // Levels over 50 ms windows 0.1 s and 0.4 s after the impulse: 0.3 s of decay is 30 dB at this RT60.
        double Level(double t) => SnrMixer.Rms(impulse.AsSpan((int)(t * rate), rate / 20));
        Assert.InRange(Db(Level(0.1) / Level(0.4)), 25, 35);
        Assert.True(Level(0.4) > 0);

        var dry = SynthSounds.Render("jazz", 1, 0.5, rate);
        var copy = dry.ToArray();
        SchroederReverb.Apply(copy, rate, rt60, 0);
        Assert.Equal(dry, copy);
    }

    [Fact]
    public void A_clip_with_loud_interferers_and_reverb_stays_below_full_scale_and_is_deterministic()
    {
        using var dir = new TempDir();
        var p = Playlist.Load(dir.Write("list.yaml", """
            items:
              - {label: jazz, synth: jazz, seed: 1, duration: 1, mix: [{synth: jackhammer, seed: 2, snr_db: -10}, {synth: background, seed: 3, snr_db: -10}], reverb: {rt60: 0.8, wet: 0.5}}
              - {label: jazz, synth: jazz, seed: 1, duration: 1}
            """));
        var mixed = ClipRenderer.Render(p.Items[0], 16000);
        Assert.Equal(mixed, ClipRenderer.Render(p.Items[0], 16000));
        Assert.Equal(16000, mixed.Length);
        Assert.InRange(mixed.Max(Math.Abs), 0.01f, 0.8915f);
        Assert.NotEqual(ClipRenderer.Render(p.Items[1], 16000), mixed);
    }
}
