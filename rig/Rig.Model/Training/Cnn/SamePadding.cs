namespace Rig.Model.Training.Cnn;

/// <summary>TFLite's output size and leading pad for SAME and VALID (ComputePaddingHeightWidth).</summary>
public static class SamePadding
{
    public static (int Out, int Before) Of(Graph.Padding padding, int input, int filter, int stride)
    {
        if (padding == Graph.Padding.Valid) return ((input - filter + stride) / stride, 0);
        var output = (input + stride - 1) / stride;
        var total = Math.Max((output - 1) * stride + filter - input, 0);
        return (output, total / 2);
    }
}
