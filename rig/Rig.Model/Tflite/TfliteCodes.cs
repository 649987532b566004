using Rig.Model.Graph;

namespace Rig.Model.Tflite;

/// <summary>The schema codes the writer gives tensor types and operators: the graph's own (<see cref="Of"/>), or others in tests.</summary>
internal sealed record TfliteCodes(Func<GraphTensor, int> TensorType, Func<OperatorKind, int> Operator)
{
    public static TfliteCodes Of { get; } = new(t => (int)t.Type, k => (int)k);
}
