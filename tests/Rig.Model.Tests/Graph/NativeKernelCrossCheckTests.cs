using CsCheck;
using Rig.Model.Graph;
using Rig.Model.Graph.Kernels;
using Rig.Model.Tests.Support;
using Rig.Native;

namespace Rig.Model.Tests.Graph;

/// <summary>
/// firmware/core/nn (a profile's host library, the very C the boards run) and the golden twin agree on every
/// int8 value of every layer: random shapes, strides, dilations, padding, activations and quantisation per
/// operator, random depthwise-separable CNNs end to end, and the fixed-point primitives over all of int32.
/// The C side runs in one arena at the planned offsets; the twin keeps each tensor apart.
/// </summary>
public class NativeKernelCrossCheckTests
{
    private static readonly NnNative s_native = NnNative.Open(RepoProfiles.Names[0]);

    [Fact]
    public void Srdhm_rounding_divide_and_multiplier_agree_on_any_int32() =>
        Gen.Select(Gen.Int, Gen.Int, Gen.Int[-31, 30]).Sample((a, b, shift) =>
        {
            Assert.Equal(FixedPointQ31.Srdhm(a, b), s_native.Srdhm(a, b));
            Assert.Equal(FixedPointQ31.RoundingDivideByPot(a, Math.Abs(shift)), s_native.RoundingDivideByPot(a, Math.Abs(shift)));
            Assert.Equal(FixedPointQ31.MultiplyByQuantizedMultiplier(a, b, shift), s_native.MultiplyByQuantizedMultiplier(a, b, shift));
        }, iter: 200_000);

    [Fact]
    public void Fixed_point_primitives_agree_on_the_edges()
    {
        int[] edges = [int.MinValue, int.MinValue + 1, -(1 << 30) - 1, -(1 << 30), -1, 0, 1, 1 << 30, (1 << 30) + 1, int.MaxValue - 1, int.MaxValue];
        foreach (var a in edges)
        {
            foreach (var b in edges)
                Assert.Equal(FixedPointQ31.Srdhm(a, b), s_native.Srdhm(a, b));
            for (var e = 0; e <= 31; e++)
                Assert.Equal(FixedPointQ31.RoundingDivideByPot(a, e), s_native.RoundingDivideByPot(a, e));
        }
    }

    [Fact]
    public void Softmax_exp_and_reciprocal_agree_over_their_domains()
    {
        Gen.Int[int.MinValue, 0].Sample(a => Assert.Equal(SoftmaxKernel.ExpOnNegativeValues(a), s_native.ExpOnNegativeValues(a)), iter: 100_000);
        Gen.Int[0, int.MaxValue].Sample(a => Assert.Equal(SoftmaxKernel.OneOverOnePlusX(a), s_native.OneOverOnePlusX(a)), iter: 100_000);
    }

    [Fact]
    public void Unsigned_division_without_a_divide_instruction_is_exact() =>
        Gen.Select(Gen.UInt, Gen.UInt[1, 1 << 20]).Sample((n, d) => Assert.Equal(n / d, s_native.UnsignedDivide(n, d)), iter: 100_000);

    [Fact]
    public void Conv2d_agrees_layer_by_layer() => GraphGen.Conv2D.Sample(AssertSameEveryLayer, iter: 400);

    [Fact]
    public void Depthwise_conv2d_agrees_layer_by_layer() => GraphGen.DepthwiseConv2D.Sample(AssertSameEveryLayer, iter: 400);

    [Fact]
    public void Fully_connected_agrees_layer_by_layer() => GraphGen.FullyConnected.Sample(AssertSameEveryLayer, iter: 400);

    [Fact]
    public void Average_and_max_pool_agree_layer_by_layer() => GraphGen.Pool.Sample(AssertSameEveryLayer, iter: 400);

    [Fact]
    public void Softmax_agrees_layer_by_layer() => GraphGen.Softmax.Sample(AssertSameEveryLayer, iter: 400);

    [Fact]
    public void Ds_cnns_agree_on_every_layer_and_the_firmware_loop_gives_the_last() =>
        GraphGen.DsCnn.Sample(c =>
        {
            AssertSameEveryLayer(c);
            var prepared = PreparedGraph.From(c.Graph);
            Assert.Equal(new GraphInterpreter(prepared).Run(c.Input).Output, s_native.RunGraph(prepared, c.Input));
        }, iter: 60);

    internal static void AssertSameEveryLayer(GraphGen.Case c)
    {
        var prepared = PreparedGraph.From(c.Graph);
        var twin = new GraphInterpreter(prepared).Run(c.Input);
        var native = s_native.RunLayers(prepared, c.Input);
        Assert.Equal(twin.Layers.Count, native.Count);
        var firstDiff = LayerDiff.First(twin.Layers, native);
        Assert.True(firstDiff is null, $"{c}: {firstDiff}");
    }
}
