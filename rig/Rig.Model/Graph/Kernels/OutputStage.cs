namespace Rig.Model.Graph.Kernels;

/// <summary>The requantisation every accumulating kernel ends with (TFLite's reference order): + bias, multiplier and shift of the channel, + output zero point, clamp.</summary>
internal static class OutputStage
{
    public static sbyte Requantize(PreparedLayer l, int acc, int channel)
    {
        if (l.Bias is { } bias) acc += bias[channel];
        acc = FixedPointQ31.MultiplyByQuantizedMultiplier(acc, l.Multipliers[channel], l.Shifts[channel]) + l.OutputOffset;
        return (sbyte)Math.Clamp(acc, l.ActMin, l.ActMax);
    }
}
