namespace Rig.Emulation.Tests.Boards.M0Support;

/// <summary>Short seeded signals for the board tests: a tone that sweeps in level plus noise, full Q15 range used.</summary>
public static class TestClips
{
    public static short[] ToneAndNoise(int samples, int sampleRate, int seed)
    {
        var random = new Random(seed);
        var x = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            var level = 0.05 + 0.9 * i / samples;
            var v = level * Math.Sin(2 * Math.PI * 440 * i / sampleRate) + 0.05 * (random.NextDouble() * 2 - 1);
            x[i] = (short)Math.Clamp(Math.Round(v * 32767), short.MinValue, short.MaxValue);
        }
        return x;
    }
}
