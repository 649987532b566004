using Rig.Model.Quantized;

namespace Rig.Model.Training;

/// <summary>
/// Stage 2 of the model, fitted on the training windows: each statistic is centred on its training
/// mean and scaled so that +-4 standard deviations span the int8 range (one input step is 4/127
/// of a standard deviation). The float model trains on exactly these int8 inputs divided by
/// <see cref="StepsPerSigma"/>, so input quantisation costs float training nothing.
/// </summary>
public sealed record InputQuantization(short[] Offset, short[] Mult, byte[] Shift)
{
    public const double StepsPerSigma = 127.0 / 4.0;

    public static InputQuantization Fit(IReadOnlyList<short[]> stats)
    {
        var n = stats[0].Length;
        var offset = new short[n];
        var mult = new short[n];
        var shift = new byte[n];
        for (var k = 0; k < n; k++)
        {
            double mean = 0;
            foreach (var s in stats) mean += s[k];
            mean /= stats.Count;
            double var = 0;
            foreach (var s in stats) var += (s[k] - mean) * (s[k] - mean);
            var sigma = Math.Sqrt(var / stats.Count);
            offset[k] = (short)Math.Clamp(Math.Round(mean), short.MinValue, short.MaxValue);
            (mult[k], shift[k]) = sigma < 1e-9 ? ((short)0, (byte)0) : MultShift(StepsPerSigma / sigma);
        }
        return new InputQuantization(offset, mult, shift);
    }

    /// <summary>mult / 2^shift ~ ratio with mult in [2^14, 2^15) where the shift range allows.</summary>
    private static (short, byte) MultShift(double ratio)
    {
        var shift = 0;
        while (shift < 30 && ratio * (1L << (shift + 1)) < 32767.5) shift++;
        var mult = (long)Math.Round(ratio * (1L << shift));
        return ((short)Math.Min(mult, 32767), (byte)shift);
    }

    public sbyte[] Apply(ReadOnlySpan<short> stats) => Inference.Inputs(Offset, Mult, Shift, stats);

    /// <summary>The float view of quantised inputs, in standard deviations.</summary>
    public static double[] ToFloat(ReadOnlySpan<sbyte> x)
    {
        var f = new double[x.Length];
        for (var k = 0; k < x.Length; k++) f[k] = x[k] / StepsPerSigma;
        return f;
    }
}
