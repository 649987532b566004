using Rig.Model.Training;
using Rig.Model.Training.Cnn;

namespace Rig.Model.Tests.Training.Cnn;

/// <summary>The vectorised kernels give the bits of the documented scalar order (lane i mod 4, tail into lane 0), so training stays reproducible on any host.</summary>
public class FloatKernelsTests
{
    private static double ScalarDot(double[] a, double[] b)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var i = 0;
        for (; i + 4 <= a.Length; i += 4)
        {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.Length; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    private static double[] Random(SplitMix64 rng, int n) =>
        Enumerable.Range(0, n).Select(_ => rng.NextGaussian() * Math.Pow(10, rng.NextInt(9) - 4)).ToArray();

    [Fact]
    public void Dot_and_add_scaled_match_the_scalar_order_bit_for_bit_at_every_length()
    {
        var rng = new SplitMix64(5);
        for (var n = 0; n <= 70; n++)
        {
            var a = Random(rng, n);
            var b = Random(rng, n);
            Assert.Equal(BitConverter.DoubleToInt64Bits(ScalarDot(a, b)), BitConverter.DoubleToInt64Bits(FloatKernels.Dot(a, b)));

            var s = rng.NextGaussian();
            var y = Random(rng, n);
            var expected = y.Select((v, i) => v + s * a[i]).ToArray();
            FloatKernels.AddScaled(s, a, y);
            Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), y.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => FloatKernels.Dot(new double[4], new double[5]));
        Assert.Throws<ArgumentException>(() => FloatKernels.AddScaled(1, new double[4], new double[3]));
    }
}
