namespace Rig.Model.Graph;

/// <summary>The TFLite builtin operators the rig's kernels implement (numbers are TFLite's BuiltinOperator codes).</summary>
public enum OperatorKind
{
    AveragePool2D = 1,
    Conv2D = 3,
    DepthwiseConv2D = 4,
    FullyConnected = 9,
    MaxPool2D = 17,
    Reshape = 22,
    Softmax = 25,
}
