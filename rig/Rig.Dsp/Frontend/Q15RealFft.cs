namespace Rig.Dsp.Frontend;

/// <summary>
/// Real FFT of N points as an N/2-point complex radix-2 decimation-in-time FFT plus the split step,
/// in place on N+2 int16 (re, im interleaved; the N real inputs are read as N/2 complex pairs).
/// Twiddles come from one quarter-wave sine table q[j] = sin(2 pi j/N), j = 0..N/4, in Q15.
/// Scaling: every butterfly stage halves, out = (a*2^15 +/- b*W + 2^15) &gt;&gt; 16 (one rounding,
/// half up); the split step quarters, X = (Fe*2^14 + ((-jW*Fo) &gt;&gt; 1) + 2^15) &gt;&gt; 16. So
/// X[k] = DFT(v)[k] / N. Outputs saturate to int16 (never reached for window-stage input, |v| &lt;= 16384).
/// </summary>
public static class Q15RealFft
{
    /// <summary>sin(2 pi k / N) in Q15 for k in [0, N/2].</summary>
    public static int Sin(ReadOnlySpan<short> q, int n, int k) => k <= n / 4 ? q[k] : q[n / 2 - k];

    /// <summary>cos(2 pi k / N) in Q15 for k in [0, N/2].</summary>
    public static int Cos(ReadOnlySpan<short> q, int n, int k) => k <= n / 4 ? q[n / 4 - k] : -q[k - n / 4];

    private static short Sat(int v) => (short)Math.Clamp(v, short.MinValue, short.MaxValue);

    /// <param name="buf">N+2 values: in, the N windowed samples; out, bins 0..N/2 (re, im)</param>
    public static void Transform(Span<short> buf, ReadOnlySpan<short> quarterSine, int n)
    {
        var h = n / 2;
        var bits = System.Numerics.BitOperations.Log2((uint)h);
        // Bit-reversal permutation of the h complex points.
        for (var i = 0; i < h; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
            if (r <= i) continue;
            (buf[2 * i], buf[2 * r]) = (buf[2 * r], buf[2 * i]);
            (buf[2 * i + 1], buf[2 * r + 1]) = (buf[2 * r + 1], buf[2 * i + 1]);
        }
        for (var len = 2; len <= h; len <<= 1)
        {
            var half = len >> 1;
            var step = n / len;
            for (var j = 0; j < half; j++)
            {
                var c = Cos(quarterSine, n, j * step);
                var s = Sin(quarterSine, n, j * step);
                for (var i = j; i < h; i += len)
                {
                    int ar = buf[2 * i], ai = buf[2 * i + 1];
                    int br = buf[2 * (i + half)], bi = buf[2 * (i + half) + 1];
                    var tr = br * c + bi * s;
                    var ti = bi * c - br * s;
                    var ar15 = ar * 32768;
                    var ai15 = ai * 32768;
                    buf[2 * i] = Sat((ar15 + tr + 32768) >> 16);
                    buf[2 * i + 1] = Sat((ai15 + ti + 32768) >> 16);
                    buf[2 * (i + half)] = Sat((ar15 - tr + 32768) >> 16);
                    buf[2 * (i + half) + 1] = Sat((ai15 - ti + 32768) >> 16);
                }
            }
        }
        // Split: X[k] from Z[k] and conj(Z[h-k]); pairs (k, h-k) are done together, in place.
        for (var k = 0; k <= h / 2; k++)
        {
            var k2 = h - k;
            int zr = buf[2 * (k % h)], zi = buf[2 * (k % h) + 1];
            int yr = buf[2 * (k2 % h)], yi = buf[2 * (k2 % h) + 1];
            var (xr, xi) = Split(quarterSine, n, k, zr, zi, yr, -yi);
            var (x2r, x2i) = Split(quarterSine, n, k2, yr, yi, zr, -zi);
            buf[2 * k] = xr;
            buf[2 * k + 1] = xi;
            buf[2 * k2] = x2r;
            buf[2 * k2 + 1] = x2i;
        }
    }

    /// <summary>X[k] = (Fe + (-jW^k) Fo) / 4 with Fe = a + b, Fo = a - b, a = Z[k], b = conj(Z[h-k]).</summary>
    private static (short Re, short Im) Split(ReadOnlySpan<short> q, int n, int k, int ar, int ai, int br, int bi)
    {
        var c = Cos(q, n, k);
        var s = Sin(q, n, k);
        int fer = ar + br, fei = ai + bi, forr = ar - br, foi = ai - bi;
        var re = (fer * 16384 + ((c * foi - s * forr) >> 1) + 32768) >> 16;
        var im = (fei * 16384 + ((-s * foi - c * forr) >> 1) + 32768) >> 16;
        return (Sat(re), Sat(im));
    }
}
