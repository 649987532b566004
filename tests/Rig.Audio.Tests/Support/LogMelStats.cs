namespace Rig.Audio.Tests.Support;

/// <summary>
/// A deliberately plain log-mel summary (per band: mean and standard deviation over frames), the
/// kind of statistics a tiny on-device classifier sees. Written independently of the DSP golden
/// model so the sound tests do not depend on it.
/// </summary>
public static class LogMelStats
{
    public static double[] Of(ReadOnlySpan<float> x, int rate, int bands = 20)
    {
        var n = rate <= 8000 ? 256 : 512;
        var hop = n / 2;
        var frames = Math.Max(1, (x.Length - n) / hop + 1);
        double Mel(double f) => 2595 * Math.Log10(1 + f / 700);
        double Hz(double m) => 700 * (Math.Pow(10, m / 2595) - 1);
        var edges = Enumerable.Range(0, bands + 2).Select(i => Hz(Mel(60) + (Mel(rate / 2.0) - Mel(60)) * i / (bands + 1))).ToArray();
        var weights = new double[bands, n / 2 + 1];
        for (var b = 0; b < bands; b++)
            for (var k = 0; k <= n / 2; k++)
            {
                var f = (double)k * rate / n;
                weights[b, k] = f < edges[b] || f > edges[b + 2] ? 0
                    : f < edges[b + 1] ? (f - edges[b]) / (edges[b + 1] - edges[b]) : (edges[b + 2] - f) / (edges[b + 2] - edges[b + 1]);
            }
        var logMel = new double[frames, bands];
        var re = new double[n];
        var im = new double[n];
        for (var t = 0; t < frames; t++)
        {
            for (var i = 0; i < n; i++)
            {
                var j = t * hop + i;
                re[i] = j < x.Length ? x[j] * (0.5 - 0.5 * Math.Cos(2 * Math.PI * i / n)) : 0;
                im[i] = 0;
            }
            Fft(re, im);
            for (var b = 0; b < bands; b++)
            {
                double e = 0;
                for (var k = 0; k <= n / 2; k++) e += weights[b, k] * (re[k] * re[k] + im[k] * im[k]);
                logMel[t, b] = Math.Log(e + 1e-6);
            }
        }
        var stats = new double[2 * bands];
        for (var b = 0; b < bands; b++)
        {
            double m = 0, v = 0;
            for (var t = 0; t < frames; t++) m += logMel[t, b];
            m /= frames;
            for (var t = 0; t < frames; t++) v += (logMel[t, b] - m) * (logMel[t, b] - m);
            stats[b] = m;
            stats[bands + b] = Math.Sqrt(v / frames);
        }
        return stats;
    }

    private static void Fft(double[] re, double[] im)
    {
        var n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j ^= bit;
            if (i < j) { (re[i], re[j]) = (re[j], re[i]); (im[i], im[j]) = (im[j], im[i]); }
        }
        for (var len = 2; len <= n; len <<= 1)
        {
            var ang = -2 * Math.PI / len;
            for (var i = 0; i < n; i += len)
                for (var k = 0; k < len / 2; k++)
                {
                    double wr = Math.Cos(ang * k), wi = Math.Sin(ang * k);
                    int a = i + k, b = a + len / 2;
                    var tr = re[b] * wr - im[b] * wi;
                    var ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr; im[b] = im[a] - ti;
                    re[a] += tr; im[a] += ti;
                }
        }
    }
}
