using CsCheck;
using Rig.Model.Graph;
using Rig.Model.Tests.Support;

namespace Rig.Model.Tests.Graph;

/// <summary>What TFLite's reference kernels mean, checked on the twin without the C side: identities, rounding, padding, softmax's shape.</summary>
public class KernelSemanticsTests
{
    [Fact]
    public void A_one_by_one_identity_convolution_returns_its_input() =>
        Gen.Select(Gen.Int[1, 6], Gen.Int[1, 6], Gen.Int[1, 4], Gen.Int[-128, 127], Gen.Int[-128, 127].Select(v => (sbyte)v).Array[144]).Sample((h, w, c, zero, values) =>
        {
            var s = new GraphSketch();
            var input = s.Activation([1, h, w, c], 0.1, zero);
            var identity = new sbyte[c * c];
            for (var i = 0; i < c; i++) identity[i * c + i] = 1;
            var filter = s.Weights([c, 1, 1, c], identity, [1.0], 0);
            var output = s.Activation([1, h, w, c], 0.1, zero);
            s.Op(OperatorKind.Conv2D, [input, filter], output);
            var x = values.Take(h * w * c).ToArray();
            Assert.Equal(x, new GraphInterpreter(s.Build(input, output)).Run(x).Output);
        });

    [Theory]
    [InlineData(1, 2, 2)]
    [InlineData(-1, -2, -2)]
    [InlineData(0, -1, -1)]
    [InlineData(0, 1, 1)]
    [InlineData(3, 4, 4)]
    [InlineData(-3, -4, -4)]
    public void Average_pool_rounds_half_away_from_zero(int a, int b, int expected)
    {
        var s = new GraphSketch();
        var input = s.Activation([1, 1, 2, 1], 0.1, 0);
        var output = s.Activation([1, 1, 1, 1], 0.1, 0);
        s.Op(OperatorKind.AveragePool2D, [input], output, new OperatorOptions { FilterHeight = 1, FilterWidth = 2, StrideWidth = 2 });
        Assert.Equal([(sbyte)expected], new GraphInterpreter(s.Build(input, output)).Run([(sbyte)a, (sbyte)b]).Output);
    }

    [Theory]
    [InlineData(OperatorKind.MaxPool2D)]
    [InlineData(OperatorKind.AveragePool2D)]
    public void Same_padding_never_counts_the_padding(OperatorKind kind)
    {
        var s = new GraphSketch();
        var input = s.Activation([1, 3, 3, 1], 0.1, 0);
        var output = s.Activation([1, 3, 3, 1], 0.1, 0);
        s.Op(kind, [input], output, new OperatorOptions { Padding = Padding.Same, FilterHeight = 3, FilterWidth = 3 });
        var x = Enumerable.Repeat((sbyte)-100, 9).ToArray();
        Assert.All(new GraphInterpreter(s.Build(input, output)).Run(x).Output, v => Assert.Equal(-100, v));
    }

    [Fact]
    public void Relu6_clamps_to_the_quantised_zero_and_six() =>
        Gen.Select(Gen.Double[0.01, 0.1], Gen.Int[-128, 0]).Sample((scale, zero) =>
        {
            var (min, max) = LayerPreparation.ActivationRange(FusedActivation.Relu6, (float)scale, zero);
            Assert.Equal(zero, min);
            var six = Math.Min(127, zero + (int)Math.Round(6 / scale, MidpointRounding.AwayFromZero));
            Assert.InRange(max, six - 1, six + 1); // TFLite rounds 6 / scale in float32
        });

    [Fact]
    public void Same_padding_gives_ceil_of_input_over_stride() =>
        Gen.Select(Gen.Int[1, 64], Gen.Int[1, 7], Gen.Int[1, 5], Gen.Int[1, 3]).Sample((n, f, s, d) =>
        {
            Assert.Equal((n + s - 1) / s, LayerPreparation.OutSize(Padding.Same, n, f, s, d));
            var valid = LayerPreparation.OutSize(Padding.Valid, n, f, s, d);
            Assert.Equal(Math.Max(0, (int)Math.Ceiling((n - (f - 1) * d) / (double)s)), Math.Max(0, valid));
        });

    [Fact]
    public void Softmax_of_equal_logits_is_uniform_and_monotone_otherwise() =>
        Gen.Select(Gen.Int[2, 12], Gen.Int[-128, 127], Gen.Int[-128, 127].Select(v => (sbyte)v).Array[12]).Sample((n, level, values) =>
        {
            var s = new GraphSketch();
            var input = s.Activation([1, n], 0.1, 0);
            var output = s.Activation([1, n], 1.0 / 256, -128);
            s.Op(OperatorKind.Softmax, [input], output);
            var model = new GraphInterpreter(s.Build(input, output));
            var uniform = model.Run(Enumerable.Repeat((sbyte)level, n).ToArray()).Output;
            Assert.All(uniform, v => Assert.InRange(v + 128, 256.0 / n - 1, 256.0 / n + 1));
            var x = values.Take(n).ToArray();
            var y = model.Run(x).Output;
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                    if (x[i] > x[j]) Assert.True(y[i] >= y[j], $"x[{i}]={x[i]} > x[{j}]={x[j]} but y {y[i]} < {y[j]}");
            Assert.InRange(y.Sum(v => v + 128), 256 - n, 256 + n);
        });

    [Fact]
    public void Softmax_is_close_to_the_float_softmax() =>
        Gen.Select(Gen.Int[2, 10], Gen.Double[0.02, 0.3], Gen.Int[-128, 127].Select(v => (sbyte)v).Array[10]).Sample((n, scale, values) =>
        {
            var s = new GraphSketch();
            var input = s.Activation([1, n], scale, 0);
            var output = s.Activation([1, n], 1.0 / 256, -128);
            s.Op(OperatorKind.Softmax, [input], output);
            var x = values.Take(n).ToArray();
            var y = new GraphInterpreter(s.Build(input, output)).Run(x).Output;
            var e = x.Select(v => Math.Exp(scale * (v - x.Max()))).ToArray();
            for (var i = 0; i < n; i++)
                Assert.InRange(y[i] + 128 - 256 * e[i] / e.Sum(), -1.5, 1.5);
        });
}
