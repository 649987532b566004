namespace Rig.Model.Graph.Kernels;

/// <summary>The requantisation every accumulating kernel ends with (TFLite's reference order): + bias, multiplier and shift of the channel, + output zero point, clamp.</summary>
internal static class OutputStage
{
    public static sbyte Requantize(PreparedLayer l, int acc, int channel) => Requantize(l, acc, channel, FixedPointQ31.MultiplyByQuantizedMultiplier);

    /// <summary>The same stage with another fixed-point multiply (x, multiplier, shift): what an optimised runtime does instead.</summary>
    public static sbyte Requantize(PreparedLayer l, int acc, int channel, Func<int, int, int, int> multiply)
    {
        if (l.Bias is { } bias) acc += bias[channel];
        acc = multiply(acc, l.Multipliers[channel], l.Shifts[channel]) + l.OutputOffset;
        return (sbyte)Math.Clamp(acc, l.ActMin, l.ActMax);
    }
}
