using CsCheck;
using Rig.Model.Graph;
using Rig.Model.Graph.Kernels;
using Rig.Model.Tflite;
using Rig.Model.Tflite.Oracle;
using Xunit.Abstractions;

namespace Rig.Model.Tests.Tflite;

/// <summary>
/// Why FULLY_CONNECTED in TFLite's interpreter can differ from the golden twin, and by how much: TFLite's int8 FC at
/// batch 1 runs in ruy, whose output stage rounds the Q31 multiply once, half up, where the reference (the twin,
/// TFLite Micro) rounds twice: at bit 31, then the shift half away from zero (<see cref="RuyFullyConnected"/>). Each differing value must be
/// exactly what ruy's arithmetic gives on the same input, and 1 LSB from the twin at most.
/// </summary>
[Collection(OracleCollection.Name)]
public sealed class FullyConnectedOracleTests(OracleFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void Single_and_double_rounding_differ_by_at_most_one() =>
        Gen.Select(Gen.Int, Gen.Int[1 << 30, int.MaxValue], Gen.Int[-20, 0]).Sample((x, m, shift) =>
        {
            var reference = (long)FixedPointQ31.MultiplyByQuantizedMultiplier(x, m, shift);
            var ruy = (long)RuyFullyConnected.MultiplyByQuantizedMultiplier(x, m, shift);
            return Math.Abs(reference - ruy) <= 1;
        }, iter: 20000);

    [Fact]
    public void The_two_roundings_do_differ_on_a_negative_tie()
    {
        // -6 x 0.5 x 2^-1 = -1.5: the reference's shift rounds half away from zero (-2), ruy's one rounding half up (-1).
        Assert.Equal(-2, FixedPointQ31.MultiplyByQuantizedMultiplier(-6, 1 << 30, -1));
        Assert.Equal(-1, RuyFullyConnected.MultiplyByQuantizedMultiplier(-6, 1 << 30, -1));
    }

    public static TheoryData<int> Seeds => new() { 1, 4, 7, 11 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_fully_connected_difference_is_ruys_single_rounding_and_one_lsb_at_most(int seed)
    {
        var graph = GraphBuilder.Mlp(bands: 16, hidden: 24, seed);
        var bytes = TfliteWriter.Write(graph);
        var r = new Random(seed);
        var inputs = Enumerable.Range(0, 300).Select(_ => Enumerable.Range(0, graph.Input.ElementCount).Select(_ => (sbyte)r.Next(-128, 128)).ToArray()).ToList();

        var result = OracleComparison.Run(fixture.Require(), TfliteReader.Read(bytes, "mlp"), bytes, inputs);

        var fc = result.Layers.Where(l => l.Kind == OperatorKind.FullyConnected).ToList();
        Assert.Equal(2, fc.Count);
        foreach (var l in fc)
        {
            output.WriteLine($"seed {seed} op {l.OperatorIndex}: {l.Difference.Differing} of {l.Difference.Values} differ, {l.Explained} reproduced by ruy's rounding");
            Assert.True(l.Difference.MaxAbsDifference <= 1, $"op {l.OperatorIndex}: {l.Difference.MaxAbsDifference} LSB");
            Assert.Equal(l.Difference.Differing, l.Explained);
        }
    }
}
