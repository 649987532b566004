using Rig.Audio.Playlists;
using Rig.Audio.Synthesis;
using Rig.Audio.Tests.Support;
using Rig.Audio.Wav;

namespace Rig.Audio.Tests.Playlists;

public class ClipRenderingTests
{
    [Fact]
    public void Synth_items_render_the_seeded_sound_at_the_requested_rate_with_gain()
    {
        using var dir = new TempDir();
        var p = Playlist.Load(dir.Write("p.yaml", """
            items:
              - {name: j, label: jazz, synth: jazz, seed: 9, duration: 1.5, gain_db: -6, repeat: 3}
            """));
        Assert.Equal(["j", "j#2", "j#3"], p.Items.Select(i => i.Name));
        Assert.Equal([0, 1, 2], p.Items.Select(i => i.Index));
        Assert.Equal(4.5, p.TotalSeconds, 9);
        var raw = SynthSounds.Render("jazz", 9, 1.5, 8000);
        var clip = ClipRenderer.Render(p.Items[2], 8000);
        Assert.Equal(12000, clip.Length);
        var g = (float)Math.Pow(10, -6 / 20.0);
        for (var i = 0; i < raw.Length; i++) Assert.Equal(raw[i] * g, clip[i]);
        Assert.Equal(Q15Samples.FromFloat(clip), ClipRenderer.RenderQ15(p.Items[0], 8000));
    }

    [Fact]
    public void File_items_are_trimmed_then_resampled_to_the_board_rate()
    {
        using var dir = new TempDir();
        // 2 s at 44.1 kHz, stereo: 300 Hz in the first second, 1 kHz in the second.
        var frames = 88200;
        var interleaved = new float[frames * 2];
        for (var i = 0; i < frames; i++)
        {
            var hz = i < 44100 ? 300 : 1000;
            var v = (float)(0.4 * Math.Sin(2 * Math.PI * hz * i / 44100));
            interleaved[2 * i] = v;
            interleaved[2 * i + 1] = v;
        }
        using (var f = File.Create(dir.Sub("snd/tone.wav").Also(p => Directory.CreateDirectory(Path.GetDirectoryName(p)!))))
            WavWriter.Write(f, interleaved, 44100, 2, WavEncoding.Pcm24, extensible: true);
        var p = Playlist.Load(dir.Write("p.yaml", """
            items:
              - {label: dog_bark, file: snd/tone.wav, trim: {start: 1.25, end: 1.75}}
              - {label: dog_bark, file: snd/tone.wav, duration: 0.5}
            """));
        Assert.Equal("tone", p.Items[0].Name);
        Assert.Equal("tone_1", p.Items[1].Name);
        var late = ClipRenderer.Render(p.Items[0], 16000);
        var early = ClipRenderer.Render(p.Items[1], 16000);
        Assert.Equal(8000, late.Length);
        Assert.Equal(8000, early.Length);
        var lateMid = late.AsSpan(1000, 6000);
        var earlyMid = early.AsSpan(1000, 6000);
        Assert.InRange(Signals.AmplitudeAt(lateMid, 1000, 16000), 0.39, 0.41);
        Assert.InRange(Signals.AmplitudeAt(lateMid, 300, 16000), 0, 0.001);
        Assert.InRange(Signals.AmplitudeAt(earlyMid, 300, 16000), 0.39, 0.41);
    }

    [Fact]
    public void Q15_conversion_rounds_ties_away_from_zero_and_saturates()
    {
        Assert.Equal(new short[] { 0, 1, -1, 32767, -32768, 32767, -32768, 16384, 0 },
            Q15Samples.FromFloat([0f, 0.5f / 32768, -0.5f / 32768, 1f, -1f, 7f, -7f, 0.5f, float.NaN]));
        Assert.Equal(0.5f, Q15Samples.ToFloat(16384));
    }
}

internal static class TestExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
