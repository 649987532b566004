namespace Rig.Model.Graph;

/// <summary>TFLite's padding rule (SAME pads so that output = ceil(input / stride)).</summary>
public enum Padding
{
    Same = 0,
    Valid = 1,
}
