namespace Rig.Model.Quantized;

/// <summary>The saturating and rounding integer helpers of model.c, one to one.</summary>
public static class FixedPoint
{
    public static short Sat16(long v) => (short)(v > short.MaxValue ? short.MaxValue : v < short.MinValue ? short.MinValue : v);

    public static sbyte Sat8(int v) => (sbyte)(v > 127 ? 127 : v < -128 ? -128 : v);

    /// <summary>(acc * m + 2^(s-1)) >> s in 64 bits, arithmetic shift (rounds half up).</summary>
    public static long Requantize(int acc, int m, int s)
    {
        var p = (long)acc * m;
        return s == 0 ? p : (p + (1L << (s - 1))) >> s;
    }

    /// <summary>floor(2^31 / d) the way the firmware gets it: restoring shift-and-subtract, no divide.</summary>
    public static uint ReciprocalQ31(uint d)
    {
        uint q = 0, rem = 0;
        for (var i = 31; i >= 0; i--)
        {
            rem = (rem << 1) | (i == 31 ? 1u : 0u);
            if (rem >= d)
            {
                rem -= d;
                q |= 1u << i;
            }
        }
        return q;
    }
}
