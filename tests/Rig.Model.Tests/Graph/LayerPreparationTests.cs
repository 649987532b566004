using Rig.Model.Graph;
using Rig.Model.Tests.Support;

namespace Rig.Model.Tests.Graph;

/// <summary>Graphs the kernels cannot run are refused with the operator's index, its kind and the reason; costs are counted like X-CUBE-AI's.</summary>
public class LayerPreparationTests
{
    [Fact]
    public void A_convolution_whose_output_shape_does_not_follow_from_its_padding_is_refused()
    {
        var s = new GraphSketch();
        var input = s.Activation([1, 8, 8, 1], 0.1, 0);
        var filter = s.Weights([2, 3, 3, 1], new sbyte[18], [0.01], 0);
        var output = s.Activation([1, 8, 8, 2], 0.1, 0);
        s.Op(OperatorKind.Conv2D, [input, filter], output, new OperatorOptions { Padding = Padding.Valid });
        var e = Assert.Throws<InvalidDataException>(() => PreparedGraph.From(s.Build(input, output)));
        Assert.Contains("operator 0 (Conv2D)", e.Message);
        Assert.Contains("gives 6x6", e.Message);
    }

    [Fact]
    public void A_softmax_not_quantised_as_tflite_requires_is_refused()
    {
        var s = new GraphSketch();
        var input = s.Activation([1, 6], 0.1, 0);
        var output = s.Activation([1, 6], 1.0 / 128, 0);
        s.Op(OperatorKind.Softmax, [input], output);
        var e = Assert.Throws<InvalidDataException>(() => PreparedGraph.From(s.Build(input, output)));
        Assert.Contains("operator 0 (Softmax)", e.Message);
        Assert.Contains("1/256", e.Message);
    }

    [Fact]
    public void A_filter_with_a_zero_point_or_the_wrong_per_channel_count_is_refused()
    {
        var s = new GraphSketch();
        var input = s.Activation([1, 4, 4, 2], 0.1, 0);
        var filter = s.Weights([1, 3, 3, 2], new sbyte[18], [0.01, 0.02, 0.03], 3);
        var output = s.Activation([1, 4, 4, 2], 0.1, 0);
        s.Op(OperatorKind.DepthwiseConv2D, [input, filter], output, new OperatorOptions { Padding = Padding.Same });
        var e = Assert.Throws<InvalidDataException>(() => PreparedGraph.From(s.Build(input, output)));
        Assert.Contains("operator 0 (DepthwiseConv2D)", e.Message);
        Assert.Contains("3 scales", e.Message);
    }

    [Fact]
    public void A_pool_that_changes_the_quantisation_is_refused()
    {
        var s = new GraphSketch();
        var input = s.Activation([1, 4, 4, 1], 0.1, 0);
        var output = s.Activation([1, 2, 2, 1], 0.2, 0);
        s.Op(OperatorKind.AveragePool2D, [input], output, new OperatorOptions { FilterHeight = 2, FilterWidth = 2, StrideHeight = 2, StrideWidth = 2 });
        var e = Assert.Throws<InvalidDataException>(() => PreparedGraph.From(s.Build(input, output)));
        Assert.Contains("operator 0 (AveragePool2D)", e.Message);
    }

    [Fact]
    public void Costs_count_multiply_accumulates_flash_and_ram_per_layer()
    {
        var c = GraphGen.DsCnnOf(columns: 16, bands: 10, channels: 8, blocks: 1, maxPool: false, seed: 7);
        var prepared = PreparedGraph.From(c.Graph);
        var costs = LayerCost.Of(prepared);
        var conv = prepared.Layers[0];
        Assert.Equal((long)conv.OutH * conv.OutW * conv.OutC * conv.FilterH * conv.FilterW * conv.InC, costs[0].Macc);
        Assert.Equal(8 * 4 * 3 * 1 + 4 * 8 + 8 * 8, costs[0].WeightBytes);
        Assert.Equal(conv.OutH * conv.OutW * conv.OutC, costs[0].ActivationBytes);
        var depthwise = prepared.Layers[1];
        Assert.Equal((long)depthwise.OutH * depthwise.OutW * depthwise.OutC * 9, costs[1].Macc);
        Assert.Equal(6L * 8, costs.Single(k => k.Kind == OperatorKind.FullyConnected).Macc);
    }
}
