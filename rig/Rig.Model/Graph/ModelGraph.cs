namespace Rig.Model.Graph;

/// <summary>
/// An int8 model as TFLite describes it: tensors, operators in execution order, the input and output
/// tensor ids. The golden twin runs it, the firmware header is generated from it, .tflite files are
/// read into it and written from it.
/// </summary>
public sealed record ModelGraph(
    string Name,
    IReadOnlyList<GraphTensor> Tensors,
    IReadOnlyList<GraphOperator> Operators,
    IReadOnlyList<int> Inputs,
    IReadOnlyList<int> Outputs)
{
    public GraphTensor Input => Tensors[Inputs[0]];

    public GraphTensor Output => Tensors[Outputs[0]];

    /// <summary>Window for a [1, W, B, 1] input, Stats for [1, 2B].</summary>
    public ModelInputKind InputKind => Input.Shape.Count == 4 ? ModelInputKind.Window : ModelInputKind.Stats;
}
