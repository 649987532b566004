namespace Rig.Dsp.Frontend;

/// <summary>
/// Optional DCT-II (MFCC): c[k] = (sum_m L[m]*D[k][m] + 2^14) &gt;&gt; 15, int32 accumulation,
/// saturated to int16; D is the DCT-II in Q15 (<see cref="Tables.FrontendTables.Dct"/>: row 0 takes the
/// mean, rows k &gt;= 1 are orthonormal), so c stays in Q7.8 log2 units. Nothing saturates: L lies in
/// [-6144, -512], so c0 (a mean) does too, and |c_k| &lt;= sqrt(2M) * 2816 + 3 &lt;= 27,597 for k &gt;= 1
/// (rows k &gt;= 1 sum to ~0, so only L's spread around its mid-range counts); 32 bits suffice because
/// mel_bands &lt;= 48 when MFCC is on.
/// </summary>
public static class Q15Dct
{
    public static void Apply(ReadOnlySpan<short> log, ReadOnlySpan<short> dct, Span<short> dst)
    {
        var m = log.Length;
        for (var k = 0; k < dst.Length; k++)
        {
            var acc = 0;
            for (var i = 0; i < m; i++) acc += log[i] * dct[k * m + i];
            dst[k] = (short)Math.Clamp((acc + 16384) >> 15, short.MinValue, short.MaxValue);
        }
    }
}
