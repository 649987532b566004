using System.Text.Json;
using Rig.Model.Graph;
using Rig.Model.Training.Export;

namespace Rig.Model.Tests.Training.Export;

public class GraphJsonTests
{
    [Fact]
    public void Constants_are_written_as_their_integer_values_with_quantisation_and_options()
    {
        var g = new GraphBuilder();
        var input = g.Activation("in", [1, 3], new ActivationRange(0.5, -3));
        var q = PerChannelWeights.Quantize([1, -2, 0.5, 0, 4, -4], [1, -70000], 0.5, i => i / 3);
        var output = DsCnnQuantizer.FullyConnected(g, "fc", input, q, 3, new ActivationRange(0.25, 7), relu: true);
        var graph = g.Build("tiny", input, output);
        using var doc = JsonDocument.Parse(GraphJson.Write(graph, null));
        var root = doc.RootElement;
        Assert.Equal("stats", root.GetProperty("inputKind").GetString());
        var tensors = root.GetProperty("tensors");
        Assert.Equal(4, tensors.GetArrayLength());
        Assert.Equal(q.Values.Select(v => (int)v), tensors[1].GetProperty("data").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(q.Bias, tensors[2].GetProperty("data").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("int32", tensors[2].GetProperty("type").GetString());
        Assert.Equal(7, tensors[3].GetProperty("quantization").GetProperty("zeroPoints")[0].GetInt64());
        var op = root.GetProperty("operators")[0];
        Assert.Equal(nameof(OperatorKind.FullyConnected), op.GetProperty("kind").GetString());
        Assert.Equal("Relu", op.GetProperty("options").GetProperty("activation").GetString());
        Assert.Equal([0, 1, 2], op.GetProperty("inputs").EnumerateArray().Select(e => e.GetInt32()));
    }
}
