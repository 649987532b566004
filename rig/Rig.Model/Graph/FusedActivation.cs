namespace Rig.Model.Graph;

/// <summary>Activation folded into an operator's output clamp (numbers are TFLite's ActivationFunctionType).</summary>
public enum FusedActivation
{
    None = 0,
    Relu = 1,
    Relu6 = 3,
}
