namespace Rig.Model.Graph;

/// <summary>
/// A real multiplier as TFLite's QuantizeMultiplier gives it to the integer kernels: a Q31 significand in
/// [2^30, 2^31) and a power-of-two exponent (&gt; 0 shifts left), so that real ≈ Multiplier * 2^(Shift - 31).
/// Computed once on the host; the board only sees the pairs.
/// </summary>
public readonly record struct QuantizedMultiplier(int Multiplier, int Shift)
{
    /// <summary>TFLite's QuantizeMultiplier: frexp, round half away from zero, the 2^31 carry, and flush below 2^-31.</summary>
    public static QuantizedMultiplier From(double real)
    {
        if (real == 0.0) return new(0, 0);
        if (!double.IsFinite(real)) throw new ArgumentOutOfRangeException(nameof(real), real, "a multiplier must be finite");
        var (q, shift) = Frexp(real);
        var fixedPoint = (long)Math.Round(q * (1L << 31), MidpointRounding.AwayFromZero);
        if (fixedPoint == 1L << 31)
        {
            fixedPoint /= 2;
            shift++;
        }
        if (shift < -31) return new(0, 0);
        if (fixedPoint > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(real), real, "multiplier too large for Q31");
        return new((int)fixedPoint, shift);
    }

    /// <summary>C's frexp: real = q * 2^e with 0.5 &lt;= |q| &lt; 1.</summary>
    private static (double Q, int E) Frexp(double x)
    {
        var e = Math.ILogB(x) + 1;
        var q = Math.ScaleB(x, -e);
        // ILogB is exact for normal and subnormal doubles, so q is already in [0.5, 1); the guards keep it so.
        if (Math.Abs(q) >= 1.0) { q /= 2; e++; }
        else if (Math.Abs(q) < 0.5) { q *= 2; e--; }
        return (q, e);
    }
}
