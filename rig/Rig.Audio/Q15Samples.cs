namespace Rig.Audio;

/// <summary>
/// Float audio in [-1, 1) to the Q15 samples that go to a board. The rule, shared by every path
/// that feeds a board (inject and the virtual room): q = round(x * 32768), ties away from zero,
/// then saturated to [-32768, 32767]; NaN becomes 0. So +1.0 gives 32767 and -1.0 gives -32768.
/// </summary>
public static class Q15Samples
{
    public static short FromFloat(float x)
    {
        if (float.IsNaN(x)) return 0;
        var v = Math.Round((double)x * 32768.0, MidpointRounding.AwayFromZero);
        if (v > short.MaxValue) return short.MaxValue;
        if (v < short.MinValue) return short.MinValue;
        return (short)v;
    }

    public static short[] FromFloat(ReadOnlySpan<float> samples)
    {
        var q = new short[samples.Length];
        for (var i = 0; i < samples.Length; i++) q[i] = FromFloat(samples[i]);
        return q;
    }

    public static float ToFloat(short q) => q / 32768f;

    public static float[] ToFloat(ReadOnlySpan<short> samples)
    {
        var f = new float[samples.Length];
        for (var i = 0; i < samples.Length; i++) f[i] = samples[i] / 32768f;
        return f;
    }
}
