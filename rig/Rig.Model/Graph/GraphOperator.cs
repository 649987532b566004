namespace Rig.Model.Graph;

/// <summary>
/// One operator in execution order. Inputs follow TFLite: (input, filter, bias) for Conv2D,
/// DepthwiseConv2D and FullyConnected; (input[, shape]) for Reshape; (input) for pools and Softmax.
/// </summary>
public sealed record GraphOperator(int Index, OperatorKind Kind, IReadOnlyList<int> Inputs, IReadOnlyList<int> Outputs, OperatorOptions Options);
