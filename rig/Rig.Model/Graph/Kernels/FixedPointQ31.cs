namespace Rig.Model.Graph.Kernels;

/// <summary>
/// gemmlowp's fixed-point primitives as TFLite's reference kernels use them, written the plain way (64-bit
/// product, C#'s truncating division): the C twin (firmware/core/nn/rig_nn_fixed.c) builds the same
/// results from 32-bit halves, and the cross-check holds them to it.
/// </summary>
public static class FixedPointQ31
{
    /// <summary>SaturatingRoundingDoublingHighMul.</summary>
    public static int Srdhm(int a, int b)
    {
        if (a == int.MinValue && b == int.MinValue) return int.MaxValue;
        var ab = (long)a * b;
        var nudge = ab >= 0 ? 1 << 30 : 1 - (1 << 30);
        return (int)((ab + nudge) / (1L << 31));
    }

    /// <summary>RoundingDivideByPOT: x / 2^exponent, nearest, ties away from zero (0 &lt;= exponent &lt;= 31).</summary>
    public static int RoundingDivideByPot(int x, int exponent)
    {
        var mask = (int)((1L << exponent) - 1);
        var remainder = x & mask;
        var threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    /// <summary>TFLite's MultiplyByQuantizedMultiplier (double rounding; the left shift wraps like x * (1 &lt;&lt; s)).</summary>
    public static int MultiplyByQuantizedMultiplier(int x, int multiplier, int shift)
    {
        var left = shift > 0 ? shift : 0;
        var right = shift > 0 ? 0 : -shift;
        return RoundingDivideByPot(Srdhm(unchecked(x << left), multiplier), right);
    }

    /// <summary>SaturatingRoundingMultiplyByPOT with a positive exponent: x * 2^exponent, saturated.</summary>
    public static int SaturatingShiftLeft(int x, int exponent)
    {
        var threshold = (int)((1L << (31 - exponent)) - 1);
        if (x > threshold) return int.MaxValue;
        if (x < -threshold) return int.MinValue;
        return x << exponent;
    }
}
