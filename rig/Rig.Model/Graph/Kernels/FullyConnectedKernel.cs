namespace Rig.Model.Graph.Kernels;

/// <summary>FULLY_CONNECTED int8: TFLite's reference_integer_ops::FullyConnected (batch 1; filter [units, depth]).</summary>
public static class FullyConnectedKernel
{
    public static void Run(PreparedLayer l, ReadOnlySpan<sbyte> input, Span<sbyte> output)
    {
        for (var c = 0; c < l.OutC; c++) output[c] = OutputStage.Requantize(l, Accumulator(l, input, c), c);
    }

    /// <summary>Unit <paramref name="c"/>'s int32 accumulator before the bias: sum over the depth of (w + filter offset)(x + input offset).</summary>
    public static int Accumulator(PreparedLayer l, ReadOnlySpan<sbyte> input, int c)
    {
        var filter = l.Filter!;
        var acc = 0;
        for (var d = 0; d < l.InC; d++)
            acc += (filter[c * l.InC + d] + l.FilterOffset) * (input[d] + l.InputOffset);
        return acc;
    }
}
