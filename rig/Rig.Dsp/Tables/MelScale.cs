namespace Rig.Dsp.Tables;

/// <summary>
/// HTK mel scale, mel(f) = 2595 log10(1 + f/700), and the triangular filter design shared by the
/// Q15 tables and the float reference. Filters are unnormalised triangles (peak weight 1.0, no
/// area normalisation): M+2 edge frequencies equally spaced in mel between fmin and fmax; band m
/// rises from edge m to edge m+1 and falls to edge m+2. A band narrower than one FFT bin gets
/// weight 1.0 on the bin nearest its centre, so no band is ever empty.
/// </summary>
public static class MelScale
{
    public static double HzToMel(double hz) => 2595.0 * Math.Log10(1.0 + hz / 700.0);

    public static double MelToHz(double mel) => 700.0 * (Math.Pow(10.0, mel / 2595.0) - 1.0);

    /// <summary>Dense filter weights [band, bin] in double precision.</summary>
    public static double[,] Weights(FrontendConfig c)
    {
        var bins = c.Bins;
        var w = new double[c.MelBands, bins];
        var lo = HzToMel(c.FminHz);
        var hi = HzToMel(c.FmaxHz);
        var edges = new double[c.MelBands + 2];
        for (var i = 0; i < edges.Length; i++)
            edges[i] = MelToHz(lo + (hi - lo) * i / (c.MelBands + 1));
        var binHz = (double)c.SampleRate / c.FftLength;
        for (var m = 0; m < c.MelBands; m++)
        {
            double left = edges[m], centre = edges[m + 1], right = edges[m + 2];
            var any = false;
            for (var k = 0; k < bins; k++)
            {
                var f = k * binHz;
                var v = f <= centre ? (f - left) / (centre - left) : (right - f) / (right - centre);
                if (v > 0)
                {
                    w[m, k] = Math.Min(1.0, v);
                    any = true;
                }
            }
            if (!any)
                w[m, Math.Clamp((int)Math.Round(centre / binHz), 0, bins - 1)] = 1.0;
        }
        return w;
    }
}
