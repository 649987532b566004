namespace Rig.Model.Graph;

/// <summary>
/// What one operator costs, counted like X-CUBE-AI's report: MACC (one per multiply-accumulate; pools count
/// one per tap read, softmax one per value), weight bytes in flash (filter, bias and the per-channel
/// multiplier/shift pairs of rig_model_graph.h) and activation bytes in RAM (the output it writes).
/// </summary>
public sealed record LayerCost(int OperatorIndex, OperatorKind Kind, long Macc, int WeightBytes, int ActivationBytes)
{
    public static LayerCost Of(PreparedLayer l)
    {
        long outputs = l.OutputElements;
        var macc = l.Kind switch
        {
            OperatorKind.Conv2D => outputs * l.FilterH * l.FilterW * l.InC,
            OperatorKind.DepthwiseConv2D => outputs * l.FilterH * l.FilterW,
            OperatorKind.FullyConnected => (long)l.OutC * l.InC,
            OperatorKind.AveragePool2D or OperatorKind.MaxPool2D => outputs * l.FilterH * l.FilterW,
            OperatorKind.Softmax => outputs,
            _ => 0,
        };
        var weights = (l.Filter?.Length ?? 0) + 4 * (l.Bias?.Length ?? 0) + 4 * (l.Multipliers.Length + l.Shifts.Length);
        return new LayerCost(l.OperatorIndex, l.Kind, macc, weights, l.OutputElements);
    }

    public static IReadOnlyList<LayerCost> Of(PreparedGraph g) => g.Layers.Select(Of).ToList();
}
