namespace Rig.Model.Training.Export;

/// <summary>
/// Asymmetric int8 quantisation of a calibrated real range (TFLite's post-training scheme): the range
/// is widened to hold 0, scale = (max - min) / 255, zero point = round(-128 - min / scale) so that 0
/// is exact. q = clamp(round(r / scale) + zeroPoint, -128, 127).
/// </summary>
public readonly record struct ActivationRange(double Scale, long ZeroPoint)
{
    /// <summary>TFLite's int8 softmax output: scale 1/256, zero point -128.</summary>
    public static ActivationRange Softmax { get; } = new(1.0 / 256, -128);

    public static ActivationRange Of(double min, double max)
    {
        min = Math.Min(min, 0);
        max = Math.Max(max, 0);
        if (max - min < 1e-9) max = min + 1e-3;
        var scale = (max - min) / 255;
        var zp = (long)Math.Clamp(Math.Round(-128 - min / scale), -128, 127);
        return new ActivationRange(scale, zp);
    }

    public sbyte Quantize(double r) => (sbyte)Math.Clamp(Math.Round(r / Scale) + ZeroPoint, -128, 127);

    public double Dequantize(int q) => Scale * (q - ZeroPoint);

    /// <summary>r moved to the nearest value the int8 tensor can hold.</summary>
    public double Snap(double r) => Dequantize(Quantize(r));
}
