namespace Rig.Model.Graph.Kernels;

/// <summary>Runs one prepared layer with the kernel of its kind (rig_nn_layer_run's twin).</summary>
public static class LayerKernel
{
    public static void Run(PreparedLayer l, ReadOnlySpan<sbyte> input, Span<sbyte> output)
    {
        switch (l.Kind)
        {
            case OperatorKind.Conv2D: Conv2DKernel.Run(l, input, output); break;
            case OperatorKind.DepthwiseConv2D: DepthwiseConv2DKernel.Run(l, input, output); break;
            case OperatorKind.FullyConnected: FullyConnectedKernel.Run(l, input, output); break;
            case OperatorKind.AveragePool2D: PoolKernels.Average(l, input, output); break;
            case OperatorKind.MaxPool2D: PoolKernels.Max(l, input, output); break;
            case OperatorKind.Softmax: SoftmaxKernel.Run(l, input, output); break;
            case OperatorKind.Reshape: input[..l.OutputElements].CopyTo(output); break;
            default: throw new InvalidOperationException($"operator {l.OperatorIndex}: no kernel for {l.Kind}");
        }
    }
}
