using Rig.Dsp.Tables;

namespace Rig.Dsp.Frontend;

/// <summary>
/// Window stage with block floating point. The frame's peak |x| picks a left shift e in [0, 15]
/// (the largest with peak &lt;&lt; e &lt;= 32767; e = 0 for silence or a -32768 sample), then
/// v[n] = ((x[n] &lt;&lt; e) * w[n] + 2^15) &gt;&gt; 16 (one rounding, half up; arithmetic shift).
/// The extra &gt;&gt;1 leaves |v| &lt;= 16384, the headroom the FFT's butterflies need. No saturation
/// is needed: |x &lt;&lt; e| &lt;= 32768 and w &lt;= 32767. e goes to the log stage as an exponent.
/// </summary>
public static class Q15Window
{
    public static int Shift(ReadOnlySpan<short> frame)
    {
        var peak = 0;
        foreach (var x in frame) peak = Math.Max(peak, Math.Abs((int)x));
        if (peak == 0) return 0;
        var e = 0;
        while (e < 15 && (peak << (e + 1)) <= 32767) e++;
        return e;
    }

    /// <summary>Applies the window to frame[i] (chronological), writing v into dst.</summary>
    public static void Apply(ReadOnlySpan<short> frame, ReadOnlySpan<short> windowHalf, int shift, Span<short> dst)
    {
        var n = frame.Length;
        for (var i = 0; i < n; i++)
        {
            int w = windowHalf[i <= n / 2 ? i : n - i];
            var xs = frame[i] * (1 << shift);
            dst[i] = (short)((xs * w + 32768) >> 16);
        }
    }
}
