using CsCheck;
using Rig.Model.Quantized;
using Rig.Model.Training;

namespace Rig.Model.Tests.Quantized;

public class FixedPointTests
{
    [Fact]
    public void Shift_and_subtract_reciprocal_equals_integer_division()
    {
        Gen.UInt[1, uint.MaxValue].Sample(d => Assert.Equal((uint)(2147483648UL / d), FixedPoint.ReciprocalQ31(d)), iter: 2000);
        Assert.Equal(65536u, FixedPoint.ReciprocalQ31(32768));
    }

    [Fact]
    public void Softmax_scores_sum_to_one_and_follow_the_logits()
    {
        Gen.Short.Array[QuantizedModel.Classes].Sample(logits =>
        {
            var p = SoftmaxQ15.Compute(logits);
            var sum = p.Sum(v => (int)v);
            Assert.InRange(sum, 32768 - 6 - 200, 32768 + 6);
            for (var a = 0; a < logits.Length; a++)
                for (var b = 0; b < logits.Length; b++)
                    if (logits[a] > logits[b]) Assert.True(p[a] >= p[b]);
        }, iter: 2000);
    }

    [Fact]
    public void Softmax_of_equal_logits_is_uniform_and_one_doubling_halves()
    {
        Assert.All(SoftmaxQ15.Compute(new short[6]), v => Assert.InRange(v, 5461, 5462));
        var p = SoftmaxQ15.Compute([256, 0, -32768, -32768, -32768, -32768]); // base-2 Q8: one doubling
        Assert.InRange(p[0], 21844, 21846);
        Assert.InRange(p[1], 10922, 10923);
    }

    [Fact]
    public void Exp2_table_is_the_one_in_model_c()
    {
        var modelC = File.ReadAllText(Path.Combine(Rig.Core.RepoPaths.Firmware, "core", "model.c"));
        var literal = string.Join(", ", SoftmaxQ15.Exp2Table.ToArray().Take(8).Select(v => v + "u"));
        Assert.Contains(literal, modelC);
        Assert.Equal(16562, SoftmaxQ15.Exp2Table[63]);
    }

    [Fact]
    public void Requantise_rounds_half_up_like_an_arithmetic_shift()
    {
        Assert.Equal(1, FixedPoint.Requantize(1, 1, 1));   // 0.5 -> 1
        Assert.Equal(0, FixedPoint.Requantize(-1, 1, 1));  // -0.5 -> 0
        Assert.Equal(-1, FixedPoint.Requantize(-3, 1, 1)); // -1.5 -> -1
        Gen.Int.Select(Gen.Int[1, 1 << 16], Gen.Int[0, 40]).Sample((acc, m, s) =>
            Assert.Equal((long)Math.Floor((double)acc * m / Math.Pow(2, s) + 0.5), FixedPoint.Requantize(acc, m, s)), iter: 2000);
    }

    [Fact]
    public void Multiplier_and_shift_approximate_the_real_factor()
    {
        Gen.Double[1e-12, 1e4].Sample(f =>
        {
            var (m, s) = Quantizer.MultShift(f);
            Assert.InRange(m, 1, 1 << 16);
            Assert.InRange(s, 0, 62);
            Assert.True(Math.Abs(m / Math.Pow(2, s) - f) <= f * 1e-4 + Math.Pow(2, -s - 1), $"{f}: {m}/2^{s}");
        }, iter: 2000);
    }
}
