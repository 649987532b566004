using Rig.Hardware.Power;

namespace Rig.Hardware.Tests.Power;

public class InferenceCountTests
{
    [Theory]
    [InlineData(0.0001)]
    [InlineData(0.004)]
    [InlineData(0.05)]
    [InlineData(1.0)]
    public void The_window_holds_at_least_200_conversion_cycles(double secondsPerInference)
    {
        var cycle = TimeSpan.FromMicroseconds(1064);
        var k = InferenceCount.For(secondsPerInference, cycle);
        Assert.True(k * secondsPerInference >= 202 * cycle.TotalSeconds || k == 1 && secondsPerInference >= 202 * cycle.TotalSeconds);
        Assert.True(k >= 1);
        if (k > 1) Assert.True((k - 1) * secondsPerInference < InferenceCount.Margin * 202 * cycle.TotalSeconds);
    }

    [Fact]
    public void A_nonsense_estimate_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InferenceCount.For(0, TimeSpan.FromMilliseconds(1)));
}
