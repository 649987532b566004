namespace Rig.Model.Training.Cnn;

/// <summary>
/// Per band of a feature column: the training mean and 1/standard deviation of the real value
/// (the Q7.8 frontend value / 256). The float CNN sees (v - mean) * invStd; quantisation folds this
/// into the first (VALID) convolution, so the int8 graph takes the raw frontend values.
/// </summary>
public sealed record InputNormalisation(double[] Mean, double[] InvStd)
{
    public const double Q78 = 256.0;

    public static InputNormalisation Fit(IEnumerable<short[]> columns, int bands)
    {
        var sum = new double[bands];
        var sq = new double[bands];
        long n = 0;
        foreach (var c in columns)
        {
            for (var b = 0; b < bands; b++)
            {
                var v = c[b] / Q78;
                sum[b] += v;
                sq[b] += v * v;
            }
            n++;
        }
        var mean = new double[bands];
        var inv = new double[bands];
        for (var b = 0; b < bands; b++)
        {
            mean[b] = n == 0 ? 0 : sum[b] / n;
            var variance = n == 0 ? 0 : sq[b] / n - mean[b] * mean[b];
            inv[b] = variance > 1e-12 ? 1 / Math.Sqrt(variance) : 1;
        }
        return new InputNormalisation(mean, inv);
    }

    /// <summary>
    /// One mean and 1/standard deviation over every band's values, repeated per band: a VALID filter
    /// of any width folds it exactly (each tap meets the same mean and scale wherever it sits).
    /// </summary>
    public static InputNormalisation FitGlobal(IEnumerable<short[]> columns, int bands)
    {
        double sum = 0, sq = 0;
        long n = 0;
        foreach (var c in columns)
        {
            for (var b = 0; b < bands; b++)
            {
                var v = c[b] / Q78;
                sum += v;
                sq += v * v;
            }
            n += bands;
        }
        var mean = n == 0 ? 0 : sum / n;
        var variance = n == 0 ? 0 : sq / n - mean * mean;
        var inv = variance > 1e-12 ? 1 / Math.Sqrt(variance) : 1;
        return new InputNormalisation(Enumerable.Repeat(mean, bands).ToArray(), Enumerable.Repeat(inv, bands).ToArray());
    }

    /// <summary>True when every band shares one mean and scale (<see cref="FitGlobal"/>).</summary>
    public bool IsGlobal => Mean.All(m => m == Mean[0]) && InvStd.All(s => s == InvStd[0]);

    /// <summary>The normalised copy of a clip's columns, time-major ([T, B] flattened), as windows slice it.</summary>
    public double[] Apply(IReadOnlyList<short[]> columns)
    {
        var bands = Mean.Length;
        var x = new double[columns.Count * bands];
        for (var t = 0; t < columns.Count; t++)
            for (var b = 0; b < bands; b++) x[t * bands + b] = (columns[t][b] / Q78 - Mean[b]) * InvStd[b];
        return x;
    }
}
