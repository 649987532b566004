using Rig.Model.Graph;
using Rig.Model.Training;
using Rig.Model.Training.Cnn;

namespace Rig.Model.Tests.Training.Cnn;

/// <summary>Every layer's backward pass against central finite differences of a random linear loss L = sum(r * y).</summary>
public class LayerGradientTests
{
    public static TheoryData<string> Layers => ["conv-valid-strided", "conv-same-1x1", "conv-same-3x3-stride2", "stem-valid-3x3-stride2x2", "depthwise-same", "depthwise-same-3x3-stride2x2", "depthwise-valid-stride2", "pool", "dense-relu", "dense"];

    private static ILayer Make(string kind, SplitMix64 rng)
    {
        ILayer layer = kind switch
        {
            "conv-valid-strided" => new Conv2DLayer(new FeatureShape(9, 5, 2), 3, 3, 5, 2, 1, Padding.Valid, relu: true),
            "conv-same-1x1" => new Conv2DLayer(new FeatureShape(6, 1, 4), 5, 1, 1, 1, 1, Padding.Same, relu: true),
            "conv-same-3x3-stride2" => new Conv2DLayer(new FeatureShape(7, 6, 3), 4, 3, 3, 2, 2, Padding.Same, relu: false),
            // The time-frequency stem: one input channel, a filter sliding over both dimensions (the gathered-patch path).
            "stem-valid-3x3-stride2x2" => new Conv2DLayer(new FeatureShape(9, 8, 1), 4, 3, 3, 2, 2, Padding.Valid, relu: true),
            // Its blocks' depthwise with the stride in both dimensions.
            "depthwise-same-3x3-stride2x2" => new DepthwiseConv2DLayer(new FeatureShape(7, 6, 3), 3, 3, 2, 2, Padding.Same, relu: true),
            "depthwise-same" => new DepthwiseConv2DLayer(new FeatureShape(8, 3, 4), 3, 3, 1, 1, Padding.Same, relu: true),
            "depthwise-valid-stride2" => new DepthwiseConv2DLayer(new FeatureShape(9, 4, 3), 3, 2, 2, 2, Padding.Valid, relu: false),
            "pool" => new GlobalAveragePoolLayer(new FeatureShape(5, 3, 4)),
            "dense-relu" => new DenseLayer(new FeatureShape(1, 1, 7), 5, relu: true),
            _ => new DenseLayer(new FeatureShape(2, 2, 3), 4, relu: false),
        };
        foreach (var p in layer.Parameters)
            for (var i = 0; i < p.Length; i++) p[i] = rng.NextGaussian() * 0.5;
        return layer;
    }

    private static double Loss(ILayer layer, double[] x, double[] r)
    {
        var y = new double[layer.Output.Size];
        layer.Forward(x, y);
        var l = 0.0;
        for (var i = 0; i < y.Length; i++) l += r[i] * y[i];
        return l;
    }

    [Theory]
    [MemberData(nameof(Layers))]
    public void Backward_matches_finite_differences(string kind)
    {
        var rng = new SplitMix64(42);
        var layer = Make(kind, rng);
        var x = Enumerable.Range(0, layer.Input.Size).Select(_ => rng.NextGaussian()).ToArray();
        var r = Enumerable.Range(0, layer.Output.Size).Select(_ => rng.NextGaussian()).ToArray();
        var y = new double[layer.Output.Size];
        layer.Forward(x, y);
        var dy = (double[])r.Clone();
        var dx = new double[x.Length];
        layer.Backward(x, y, dy, dx);

        const double h = 1e-6;
        for (var i = 0; i < x.Length; i++)
        {
            var keep = x[i];
            x[i] = keep + h;
            var up = Loss(layer, x, r);
            x[i] = keep - h;
            var down = Loss(layer, x, r);
            x[i] = keep;
            Assert.Equal((up - down) / (2 * h), dx[i], 5);
        }
        for (var a = 0; a < layer.Parameters.Count; a++)
        {
            var p = layer.Parameters[a];
            for (var i = 0; i < p.Length; i++)
            {
                var keep = p[i];
                p[i] = keep + h;
                var up = Loss(layer, x, r);
                p[i] = keep - h;
                var down = Loss(layer, x, r);
                p[i] = keep;
                Assert.Equal((up - down) / (2 * h), layer.Gradients[a][i], 5);
            }
        }
    }

    [Theory]
    [InlineData(Padding.Same, 13, 3, 2, 7, 1)]
    [InlineData(Padding.Same, 8, 3, 2, 4, 0)]
    [InlineData(Padding.Valid, 64, 5, 2, 30, 0)]
    [InlineData(Padding.Same, 1, 3, 1, 1, 1)]
    public void Padding_follows_tflite(Padding padding, int input, int filter, int stride, int output, int before) =>
        Assert.Equal((output, before), SamePadding.Of(padding, input, filter, stride));
}
