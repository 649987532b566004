namespace Rig.TestSupport;

public static class Signals
{
    public static float[] Sine(double hz, int rate, int n, double amplitude = 0.5, double phase = 0)
    {
        var x = new float[n];
        for (var i = 0; i < n; i++) x[i] = (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / rate + phase));
        return x;
    }

    public static double Rms(ReadOnlySpan<float> x)
    {
        double s = 0;
        foreach (var v in x) s += (double)v * v;
        return x.Length == 0 ? 0 : Math.Sqrt(s / x.Length);
    }

    public static double Rms(ReadOnlySpan<short> x)
    {
        double s = 0;
        foreach (var v in x) s += (double)v * v;
        return x.Length == 0 ? 0 : Math.Sqrt(s / x.Length);
    }

    /// <summary>Amplitude of the component at hz: least-squares fit of a*cos + b*sin, exact for a pure tone of any length.</summary>
    public static double AmplitudeAt(ReadOnlySpan<float> x, double hz, int rate)
    {
        double cc = 0, ss = 0, cs = 0, xc = 0, xs = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var w = 2 * Math.PI * hz * i / rate;
            var c = Math.Cos(w);
            var s = Math.Sin(w);
            cc += c * c; ss += s * s; cs += c * s;
            xc += x[i] * c; xs += x[i] * s;
        }
        var det = cc * ss - cs * cs;
        var a = (xc * ss - xs * cs) / det;
        var b = (xs * cc - xc * cs) / det;
        return Math.Sqrt(a * a + b * b);
    }

    public static double Db(double ratio) => 20 * Math.Log10(Math.Max(ratio, 1e-15));
}
