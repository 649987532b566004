using Rig.Dsp.Reference;

namespace Rig.Audio.Tests.Support;

/// <summary>
/// A deliberately plain log-mel summary (per band: mean and standard deviation over frames), the
/// kind of statistics a tiny on-device classifier sees. Written independently of the DSP golden
/// model so the sound tests do not depend on it (only the float reference's plain FFT).
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
            ComplexFft.Forward(re, im);
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
}
