namespace Rig.Audio.Mixing;

/// <summary>
/// Schroeder's reverberator (1962): four parallel feedback combs with mutually prime delays, then
/// two series allpasses that thicken the echo density. Each comb's feedback gain makes its echoes
/// decay by 60 dB in RT60. Cheap (six delay lines per sample), deterministic, and the same at every
/// board rate because the delays are set in milliseconds. The tail beyond the clip is cut off.
/// </summary>
public static class SchroederReverb
{
    private static readonly double[] CombMs = [29.7, 37.1, 41.1, 43.7];
    private static readonly double[] AllpassMs = [5.0, 1.7];
    private const double AllpassGain = 0.7;

    /// <summary>In place: x = (1 - wet) * x + wet * reverberant(x).</summary>
    public static void Apply(Span<float> x, int sampleRate, double rt60Seconds, double wet)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        if (!(rt60Seconds > 0)) throw new ArgumentOutOfRangeException(nameof(rt60Seconds), rt60Seconds, "RT60 must be positive");
        if (!(wet >= 0 && wet <= 1)) throw new ArgumentOutOfRangeException(nameof(wet), wet, "wet must be in [0, 1]");
        var reverberant = new double[x.Length];
        foreach (var ms in CombMs)
        {
            var delay = Math.Max(1, (int)Math.Round(ms / 1000 * sampleRate));
            var gain = Math.Pow(10, -3.0 * delay / (rt60Seconds * sampleRate));
            var line = new double[delay];
            var pos = 0;
            for (var i = 0; i < x.Length; i++)
            {
                var y = line[pos];
                line[pos] = x[i] + gain * y;
                pos = pos + 1 == delay ? 0 : pos + 1;
                reverberant[i] += y / CombMs.Length;
            }
        }
        foreach (var ms in AllpassMs)
        {
            var delay = Math.Max(1, (int)Math.Round(ms / 1000 * sampleRate));
            var line = new double[delay];
            var pos = 0;
            for (var i = 0; i < reverberant.Length; i++)
            {
                var buffered = line[pos];
                var v = reverberant[i] + AllpassGain * buffered;
                reverberant[i] = buffered - AllpassGain * v;
                line[pos] = v;
                pos = pos + 1 == delay ? 0 : pos + 1;
            }
        }
        for (var i = 0; i < x.Length; i++) x[i] = (float)((1 - wet) * x[i] + wet * reverberant[i]);
    }
}
