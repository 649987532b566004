namespace Rig.Model.Graph;

/// <summary>
/// real = scale * (q - zeroPoint). One scale and zero point per tensor, or one per channel along
/// <see cref="QuantizedDimension"/> (per-channel weights of Conv2D, DepthwiseConv2D, FullyConnected).
/// </summary>
public sealed record Quantization(IReadOnlyList<double> Scales, IReadOnlyList<long> ZeroPoints, int QuantizedDimension = 0)
{
    public bool IsPerChannel => Scales.Count > 1;

    public static Quantization PerTensor(double scale, long zeroPoint) => new([scale], [zeroPoint]);
}
