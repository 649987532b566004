namespace Rig.Model.Graph.Kernels;

/// <summary>
/// SOFTMAX int8 -> int8 (scale 1/256, zero point -128): TFLite's reference_ops::Softmax on gemmlowp fixed point
/// (exp in Q5.26 -> Q0.31, sum in Q12.19, reciprocal by Newton-Raphson), one row of OutC values at a time.
/// </summary>
public static class SoftmaxKernel
{
    private const int ScaledDiffIntegerBits = LayerPreparation.SoftmaxScaledDiffIntegerBits;
    private const int AccumulationIntegerBits = 12;

    public static void Run(PreparedLayer l, ReadOnlySpan<sbyte> input, Span<sbyte> output)
    {
        var depth = l.OutC;
        for (var row = 0; row < l.OutH * l.OutW; row++)
        {
            var x = input.Slice(row * depth, depth);
            var y = output.Slice(row * depth, depth);
            int max = sbyte.MinValue;
            foreach (var v in x) max = Math.Max(max, v);
            var sumOfExps = 0;
            foreach (var v in x)
            {
                var diff = v - max;
                if (diff >= l.SoftmaxDiffMin)
                    sumOfExps = unchecked(sumOfExps + FixedPointQ31.RoundingDivideByPot(ExpOfDiff(l, diff), AccumulationIntegerBits));
            }
            var reciprocal = Reciprocal(sumOfExps, AccumulationIntegerBits, out var bitsOverUnit);
            for (var c = 0; c < depth; c++)
            {
                var diff = x[c] - max;
                if (diff < l.SoftmaxDiffMin)
                {
                    y[c] = sbyte.MinValue;
                    continue;
                }
                var unsaturated = FixedPointQ31.RoundingDivideByPot(FixedPointQ31.Srdhm(reciprocal, ExpOfDiff(l, diff)), bitsOverUnit + 31 - 8);
                y[c] = (sbyte)Math.Clamp(unsaturated + sbyte.MinValue, sbyte.MinValue, sbyte.MaxValue);
            }
        }
    }

    private static int ExpOfDiff(PreparedLayer l, int diff) =>
        ExpOnNegativeValues(FixedPointQ31.Srdhm(unchecked(diff * (1 << l.SoftmaxLeftShift)), l.SoftmaxMultiplier));

    /// <summary>gemmlowp's exp_on_negative_values: Q5.26 in (&lt;= 0), Q0.31 out.</summary>
    public static int ExpOnNegativeValues(int a)
    {
        const int fractionalBits = 31 - ScaledDiffIntegerBits;
        const int oneQuarter = 1 << (fractionalBits - 2);
        const int mask = oneQuarter - 1;
        var aModQuarterMinusOneQuarter = (a & mask) - oneQuarter;
        var result = ExpOnIntervalBetweenNegativeOneQuarterAnd0Excl(FixedPointQ31.SaturatingShiftLeft(aModQuarterMinusOneQuarter, ScaledDiffIntegerBits));
        var remainder = aModQuarterMinusOneQuarter - a;
        // exp(-2^k) for k = -2..4 (gemmlowp's GEMMLOWP_EXP_BARREL_SHIFTER constants), applied where the remainder has bit k.
        ReadOnlySpan<int> multipliers = [1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242];
        for (var exponent = -2; exponent <= 4; exponent++)
        {
            if (ScaledDiffIntegerBits <= exponent) continue;
            if ((remainder & (1 << (fractionalBits + exponent))) != 0)
                result = FixedPointQ31.Srdhm(result, multipliers[exponent + 2]);
        }
        return a == 0 ? int.MaxValue : result;
    }

    /// <summary>gemmlowp's one_over_one_plus_x_for_x_in_0_1: Q0.31 in [0, 1), Q0.31 out.</summary>
    public static int OneOverOnePlusX(int a)
    {
        const int constant48Over17 = 1515870810;
        const int constantNeg32Over17 = -1010580540;
        const int oneQ2 = 1 << 29;
        var halfDenominator = (int)(((long)a + int.MaxValue + 1) / 2); // RoundingHalfSum(a, One), a >= 0
        var x = unchecked(constant48Over17 + FixedPointQ31.Srdhm(halfDenominator, constantNeg32Over17));
        for (var i = 0; i < 3; i++)
        {
            var halfDenominatorTimesX = FixedPointQ31.Srdhm(halfDenominator, x);
            var oneMinus = unchecked(oneQ2 - halfDenominatorTimesX);
            x = unchecked(x + FixedPointQ31.SaturatingShiftLeft(FixedPointQ31.Srdhm(x, oneMinus), 2));
        }
        return FixedPointQ31.SaturatingShiftLeft(x, 1);
    }

    private static int ExpOnIntervalBetweenNegativeOneQuarterAnd0Excl(int a)
    {
        const int constantTerm = 1895147668;
        const int constant1Over3 = 715827883;
        var x = unchecked(a + (1 << 28));
        var x2 = FixedPointQ31.Srdhm(x, x);
        var x3 = FixedPointQ31.Srdhm(x2, x);
        var x4 = FixedPointQ31.Srdhm(x2, x2);
        var x4Over4 = FixedPointQ31.RoundingDivideByPot(x4, 2);
        var poly = FixedPointQ31.RoundingDivideByPot(unchecked(FixedPointQ31.Srdhm(unchecked(x4Over4 + x3), constant1Over3) + x2), 1);
        return unchecked(constantTerm + FixedPointQ31.Srdhm(constantTerm, unchecked(x + poly)));
    }

    /// <summary>TFLite's GetReciprocal: 1 / x for an x with the given integer bits, as a Q0.31 scale and the bits x stands above 1.</summary>
    private static int Reciprocal(int x, int integerBits, out int bitsOverUnit)
    {
        var headroomPlusOne = System.Numerics.BitOperations.LeadingZeroCount((uint)x);
        bitsOverUnit = integerBits - headroomPlusOne;
        var shiftedSumMinusOne = unchecked((int)(((uint)x << headroomPlusOne) - (1u << 31)));
        return OneOverOnePlusX(shiftedSumMinusOne);
    }
}
