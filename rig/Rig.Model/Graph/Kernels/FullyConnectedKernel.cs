namespace Rig.Model.Graph.Kernels;

/// <summary>FULLY_CONNECTED int8: TFLite's reference_integer_ops::FullyConnected (batch 1; filter [units, depth]).</summary>
public static class FullyConnectedKernel
{
    public static void Run(PreparedLayer l, ReadOnlySpan<sbyte> input, Span<sbyte> output)
    {
        var filter = l.Filter!;
        for (var c = 0; c < l.OutC; c++)
        {
            var acc = 0;
            for (var d = 0; d < l.InC; d++)
                acc += (filter[c * l.InC + d] + l.FilterOffset) * (input[d] + l.InputOffset);
            output[c] = OutputStage.Requantize(l, acc, c);
        }
    }
}
