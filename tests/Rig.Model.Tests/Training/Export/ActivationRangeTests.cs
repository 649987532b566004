using CsCheck;
using Rig.Model.Training.Export;

namespace Rig.Model.Tests.Training.Export;

public class ActivationRangeTests
{
    [Fact]
    public void Zero_is_exact_and_the_calibrated_range_is_covered_within_half_a_step() =>
        Gen.Double[-50, 50].Select(Gen.Double[0, 80]).Sample((lo, width) =>
        {
            var r = ActivationRange.Of(lo, lo + width);
            Assert.InRange(r.ZeroPoint, -128, 127);
            Assert.Equal(0.0, r.Snap(0));
            var hi = Math.Max(lo + width, 0);
            var low = Math.Min(lo, 0);
            Assert.True(Math.Abs(r.Snap(hi) - hi) <= r.Scale / 2 + 1e-9 * Math.Abs(hi), $"{hi} -> {r.Snap(hi)}");
            Assert.True(Math.Abs(r.Snap(low) - low) <= r.Scale / 2 + 1e-9 * Math.Abs(low), $"{low} -> {r.Snap(low)}");
        });

    [Fact]
    public void A_relu_range_puts_zero_at_minus_128()
    {
        var r = ActivationRange.Of(0, 6.375);
        Assert.Equal(-128, r.ZeroPoint);
        Assert.Equal(0.025, r.Scale, 12);
        Assert.Equal(127, r.Quantize(100));
        Assert.Equal(-128, r.Quantize(-3));
    }

    [Fact]
    public void Per_channel_weights_are_symmetric_with_int32_bias_at_the_accumulator_scale()
    {
        double[] w = [0.5, -1.0, 0.25, 2.0, 0, -0.02];
        double[] b = [0.1, -3];
        var q = PerChannelWeights.Quantize(w, b, 0.5, i => i / 3);
        Assert.Equal([1.0 / 127, 2.0 / 127], q.Scales);
        Assert.Equal(new sbyte[] { 64, -127, 32, 127, 0, -1 }, q.Values);
        Assert.Equal([0.5 / 127, 1.0 / 127], q.BiasScales);
        Assert.Equal([(int)Math.Round(0.1 * 127 / 0.5), (int)Math.Round(-3 * 127 / 1.0)], q.Bias);
    }
}
