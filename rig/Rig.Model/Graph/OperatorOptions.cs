namespace Rig.Model.Graph;

/// <summary>
/// The builtin options of an operator, TFLite's fields by name. Unused fields keep their defaults
/// (a FullyConnected has no strides); FilterWidth/FilterHeight are the pools' window.
/// </summary>
public sealed record OperatorOptions
{
    public Padding Padding { get; init; } = Padding.Valid;
    public int StrideWidth { get; init; } = 1;
    public int StrideHeight { get; init; } = 1;
    public int DilationWidth { get; init; } = 1;
    public int DilationHeight { get; init; } = 1;
    public int FilterWidth { get; init; }
    public int FilterHeight { get; init; }
    public int DepthMultiplier { get; init; } = 1;
    public FusedActivation Activation { get; init; } = FusedActivation.None;
    public double SoftmaxBeta { get; init; } = 1.0;

    public static OperatorOptions None { get; } = new();
}
