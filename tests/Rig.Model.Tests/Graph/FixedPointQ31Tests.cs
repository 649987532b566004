using CsCheck;
using Rig.Model.Graph;
using Rig.Model.Graph.Kernels;

namespace Rig.Model.Tests.Graph;

/// <summary>The golden twin's fixed point against the arithmetic it stands for, computed exactly in Int128 and doubles.</summary>
public class FixedPointQ31Tests
{
    [Fact]
    public void Srdhm_is_the_doubled_high_half_rounded_half_up() =>
        Gen.Select(Gen.Int, Gen.Int).Where((a, b) => a != int.MinValue || b != int.MinValue).Sample((a, b) =>
        {
            var exact = (Int128)a * b;
            var expected = (int)((exact + (1L << 30)) >> 31); // >> of Int128 floors
            Assert.Equal(expected, FixedPointQ31.Srdhm(a, b));
        }, iter: 100_000);

    [Fact]
    public void Srdhm_saturates_the_one_overflowing_product() =>
        Assert.Equal(int.MaxValue, FixedPointQ31.Srdhm(int.MinValue, int.MinValue));

    [Fact]
    public void Rounding_divide_by_power_of_two_rounds_half_away_from_zero() =>
        Gen.Select(Gen.Int, Gen.Int[0, 31]).Sample((x, e) =>
            Assert.Equal((int)Math.Round(x / Math.Pow(2, e), MidpointRounding.AwayFromZero), FixedPointQ31.RoundingDivideByPot(x, e)), iter: 100_000);

    [Theory]
    [InlineData(0.5, 1 << 30, 0)]
    [InlineData(1.0, 1 << 30, 1)]
    [InlineData(0.75, 3 << 29, 0)]
    [InlineData(0.25, 1 << 30, -1)]
    [InlineData(3.0, 3 << 29, 2)]
    public void Quantize_multiplier_splits_powers_of_two_exactly(double real, int multiplier, int shift) =>
        Assert.Equal(new QuantizedMultiplier(multiplier, shift), QuantizedMultiplier.From(real));

    [Fact]
    public void Quantize_multiplier_is_within_half_a_step_and_normalised() =>
        Gen.Double[-30, 20].Select(e => Math.Pow(2, e)).Sample(real =>
        {
            var q = QuantizedMultiplier.From(real);
            Assert.InRange(q.Multiplier, 1 << 30, int.MaxValue);
            var step = Math.Pow(2, q.Shift - 31);
            Assert.True(Math.Abs(q.Multiplier * step - real) <= step / 2, $"{real}: {q}");
        }, iter: 20_000);

    [Fact]
    public void Quantize_multiplier_carries_a_significand_that_rounds_up_to_one() =>
        Assert.Equal(new QuantizedMultiplier(1 << 30, 1), QuantizedMultiplier.From(1.0 - Math.Pow(2, -40)));

    [Fact]
    public void Quantize_multiplier_flushes_multipliers_below_two_to_the_minus_32_to_zero() =>
        Assert.Equal(new QuantizedMultiplier(0, 0), QuantizedMultiplier.From(Math.Pow(2, -40)));

    [Fact]
    public void Multiply_by_quantized_multiplier_is_the_real_product_within_one() =>
        Gen.Select(Gen.Int[-1_000_000, 1_000_000], Gen.Double[-20, 0]).Sample((x, e) =>
        {
            var real = Math.Pow(2, e) * 0.7;
            var q = QuantizedMultiplier.From(real);
            Assert.InRange(FixedPointQ31.MultiplyByQuantizedMultiplier(x, q.Multiplier, q.Shift) - x * real, -1.0, 1.0);
        }, iter: 50_000);
}
