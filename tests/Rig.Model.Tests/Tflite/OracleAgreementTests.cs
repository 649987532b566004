using Rig.Model.Graph;
using Rig.Model.Tflite;
using Rig.Model.Tflite.Oracle;
using Xunit.Abstractions;

namespace Rig.Model.Tests.Tflite;

/// <summary>
/// Every .tflite the rig writes, run in TFLite's own interpreter on the same inputs, against the golden twin.
/// Each operator alone (fed the twin's own input to it) differs by at most 1 LSB, and not at all where TFLite runs
/// the reference arithmetic (pools, reshape, softmax). The 1-LSB cases are TFLite's optimised paths, not the reference
/// the twin and TFLite Micro follow: XNNPACK (which the WASM build applies to CONV_2D and DEPTHWISE_CONV_2D)
/// requantises in fp32 with round-half-even, and FULLY_CONNECTED's ruy GEMM rounds the Q31 multiply once (half up)
/// where the reference rounds twice (gemmlowp). End to end these 1-LSB steps can add up; the test prints the counts.
/// </summary>
[Collection(OracleCollection.Name)]
public sealed class OracleAgreementTests(OracleFixture fixture, ITestOutputHelper output)
{
    private static List<sbyte[]> RandomInputs(int count, int length, int seed)
    {
        var r = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, length).Select(_ => (sbyte)r.Next(-128, 128)).ToArray())];
    }

    public static TheoryData<string, int> Models => new() { { "mlp", 1 }, { "mlp", 7 }, { "ds-cnn", 2 }, { "ds-cnn", 9 } };

    [Theory]
    [MemberData(nameof(Models))]
    public void Tflite_and_the_golden_twin_give_the_same_int8_outputs(string kind, int seed)
    {
        var graph = kind == "mlp" ? GraphBuilder.Mlp(bands: 8, hidden: 12, seed) : GraphBuilder.DsCnn(columns: 16, bands: 8, seed);
        var bytes = TfliteWriter.Write(graph);
        var inputs = RandomInputs(200, graph.Input.ElementCount, seed);

        var result = OracleComparison.Run(fixture.Require(), TfliteReader.Read(bytes, kind), bytes, inputs);

        var layers = string.Join("; ", result.Layers.Select(l => $"op {l.OperatorIndex} {l.Kind}: {l.Difference.Differing}/{l.Difference.Values} differ, max {l.Difference.MaxAbsDifference}"));
        output.WriteLine($"{kind} seed {seed}: {result.Outputs.Differing} of {result.Outputs.Values} int8 outputs differ (max {result.Outputs.MaxAbsDifference}); layer by layer: {layers}");
        Assert.Equal(graph.Operators.Count, result.Layers.Count);
        Assert.All(result.Layers, l => Assert.True(l.Difference.MaxAbsDifference <= 1, $"op {l.OperatorIndex} {l.Kind}: differs by {l.Difference.MaxAbsDifference} LSB"));
        Assert.All(result.Layers.Where(l => l.Kind is OperatorKind.MaxPool2D or OperatorKind.AveragePool2D or OperatorKind.Reshape or OperatorKind.Softmax),
            l => Assert.True(l.Difference.Differing == 0, $"op {l.OperatorIndex} {l.Kind}: {l.Difference.Differing} values differ from TFLite's reference arithmetic"));
    }

    [Fact]
    public void Tflite_pools_agree_with_the_definition()
    {
        // One op each, checked against the arithmetic itself: max of each 2x2 window; average rounded half away from zero.
        foreach (var kind in new[] { OperatorKind.MaxPool2D, OperatorKind.AveragePool2D })
        {
            var g = new GraphBuilder("pool", 0);
            var x = g.Activation([1, 4, 6, 3], 0.1, -5);
            var y = g.Op(kind, [x], g.Activation([1, 2, 3, 3], 0.1, -5), new OperatorOptions { Padding = Padding.Valid, StrideWidth = 2, StrideHeight = 2, FilterWidth = 2, FilterHeight = 2 });
            var inputs = RandomInputs(50, 4 * 6 * 3, 3);
            var tflite = fixture.Require().Run(TfliteWriter.Write(g.Build(x, y)), inputs);
            for (var n = 0; n < inputs.Count; n++)
                for (var oy = 0; oy < 2; oy++)
                    for (var ox = 0; ox < 3; ox++)
                        for (var c = 0; c < 3; c++)
                        {
                            int[] window = [.. from dy in new[] { 0, 1 } from dx in new[] { 0, 1 } select (int)inputs[n][((((2 * oy) + dy) * 6) + (2 * ox) + dx) * 3 + c]];
                            var sum = window.Sum();
                            var expected = kind == OperatorKind.MaxPool2D ? window.Max() : (sum > 0 ? (sum + 2) / 4 : (sum - 2) / 4);
                            Assert.Equal(expected, tflite.Outputs[n][(((oy * 3) + ox) * 3) + c]);
                        }
        }
    }
}
