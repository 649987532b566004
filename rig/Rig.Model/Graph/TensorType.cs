namespace Rig.Model.Graph;

/// <summary>Element types of the rig's int8 graphs (numbers are TFLite's TensorType codes).</summary>
public enum TensorType
{
    Int32 = 2,
    Int16 = 7,
    Int8 = 9,
}
