namespace Rig.Dsp.Reference;

/// <summary>Plain double-precision radix-2 complex FFT (forward, unscaled) for the float reference.</summary>
public static class ComplexFft
{
    public static void Forward(double[] re, double[] im)
    {
        var n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }
        for (var len = 2; len <= n; len <<= 1)
        {
            var ang = -2 * Math.PI / len;
            for (var i = 0; i < n; i += len)
                for (var j = 0; j < len / 2; j++)
                {
                    double wr = Math.Cos(ang * j), wi = Math.Sin(ang * j);
                    int a = i + j, b = i + j + len / 2;
                    var tr = re[b] * wr - im[b] * wi;
                    var ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr; im[b] = im[a] - ti;
                    re[a] += tr; im[a] += ti;
                }
        }
    }
}
