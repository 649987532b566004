using Rig.Audio.Synthesis;
using Rig.Audio.Tests.Support;
using Xunit.Abstractions;

namespace Rig.Audio.Tests.Synthesis;

/// <summary>Each sound has the signature the issue describes, whatever the seed.</summary>
public class SynthCharacterTests(ITestOutputHelper output)
{
    private static readonly ulong[] Seeds = [3, 77, 1234];

    // RMS of consecutive 10 ms frames.
    private static double[] Envelope(float[] x, int rate)
    {
        var n = rate / 100;
        return Enumerable.Range(0, x.Length / n).Select(i => Signals.Rms(x.AsSpan(i * n, n))).ToArray();
    }

    // The strongest modulation frequency of the 10 ms envelope (100 Hz frame rate), searched in [lo, hi].
    private static double ModulationPeak(double[] env, double lo, double hi)
    {
        var mean = env.Average();
        var centred = env.Select(v => (float)(v - mean)).ToArray();
        var best = lo;
        var bestAmp = 0.0;
        for (var f = lo; f <= hi; f += 0.05)
        {
            var a = Signals.AmplitudeAt(centred, f, 100);
            if (a > bestAmp) { bestAmp = a; best = f; }
        }
        return best;
    }

    [Fact]
    public void Jackhammer_is_modulated_at_10_to_25_Hz()
    {
        foreach (var seed in Seeds)
        {
            var x = SynthSounds.Render("jackhammer", seed, 3, 8000);
            var peak = ModulationPeak(Envelope(x, 8000), 5, 45);
            output.WriteLine($"seed {seed}: hammer rate {peak:0.0} Hz");
            Assert.InRange(peak, 9.5, 25.5);
        }
    }

    [Fact]
    public void Dog_barks_leave_quiet_gaps()
    {
        foreach (var seed in Seeds)
        {
            var env = Envelope(SynthSounds.Render("dog_bark", seed, 3, 16000), 16000);
            var loud = env.Max();
            var quiet = env.Count(v => v < loud * 0.01) / (double)env.Length;
            output.WriteLine($"seed {seed}: {quiet:P0} of frames 40 dB below the loudest");
            Assert.InRange(quiet, 0.3, 0.9);
        }
    }

    [Fact]
    public void Disco_pulses_at_a_dance_tempo()
    {
        foreach (var seed in Seeds)
        {
            var env = Envelope(SynthSounds.Render("disco", seed, 4, 8000), 8000);
            var beat = ModulationPeak(env, 1.5, 2.5) * 60;
            output.WriteLine($"seed {seed}: {beat:0} BPM");
            Assert.InRange(beat, 110, 134);
        }
    }

    [Fact]
    public void Background_is_far_quieter_than_every_other_sound()
    {
        foreach (var seed in Seeds)
        {
            var bg = Signals.Rms(SynthSounds.Render("background", seed, 2, 16000));
            foreach (var name in SynthSounds.Names.Where(n => n != "background"))
            {
                var other = Signals.Rms(SynthSounds.Render(name, seed, 2, 16000));
                Assert.True(Signals.Db(other / bg) > 20, $"{name} seed {seed} only {Signals.Db(other / bg):0.0} dB above background");
            }
        }
    }

    [Fact]
    public void Metal_is_louder_and_denser_than_jazz()
    {
        foreach (var seed in Seeds)
        {
            var metal = Envelope(SynthSounds.Render("metal", seed, 2, 16000), 16000);
            var jazz = Envelope(SynthSounds.Render("jazz", seed, 2, 16000), 16000);
            Assert.True(metal.Average() > 1.5 * jazz.Average(), $"seed {seed}: metal {metal.Average():0.000} vs jazz {jazz.Average():0.000}");
        }
    }
}
