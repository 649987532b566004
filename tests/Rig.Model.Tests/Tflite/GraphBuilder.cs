using System.Buffers.Binary;
using Rig.Model.Graph;

namespace Rig.Model.Tests.Tflite;

/// <summary>Builds small int8 graphs by hand (until training produces them): activations, per-channel weights, int32 biases.</summary>
internal sealed class GraphBuilder(string name, int seed)
{
    private readonly List<GraphTensor> _tensors = [];
    private readonly List<GraphOperator> _operators = [];
    private readonly Random _random = new(seed);

    public int Activation(int[] shape, double scale, long zeroPoint, string? label = null)
    {
        var id = _tensors.Count;
        _tensors.Add(new GraphTensor(id, label ?? $"act{id}", shape, TensorType.Int8, Quantization.PerTensor(scale, zeroPoint), null));
        return id;
    }

    /// <summary>Random int8 weights with one scale per channel along <paramref name="dimension"/>.</summary>
    public int Weights(int[] shape, int dimension)
    {
        var id = _tensors.Count;
        var channels = shape[dimension];
        var scales = Enumerable.Range(0, channels).Select(_ => 0.002 + (_random.NextDouble() * 0.02)).ToArray();
        var count = shape.Aggregate(1, (a, d) => a * d);
        var data = new byte[count];
        for (var i = 0; i < count; i++) data[i] = unchecked((byte)(sbyte)_random.Next(-127, 128));
        _tensors.Add(new GraphTensor(id, $"w{id}", shape, TensorType.Int8, new Quantization(scales, [.. scales.Select(_ => 0L)], dimension), data));
        return id;
    }

    /// <summary>An int32 bias with TFLite's scale: input scale times each weight channel's scale, zero point 0.</summary>
    public int Bias(int input, int weights)
    {
        var id = _tensors.Count;
        var inScale = _tensors[input].Quantization!.Scales[0];
        var scales = _tensors[weights].Quantization!.Scales.Select(s => inScale * s).ToArray();
        var data = new byte[4 * scales.Length];
        for (var c = 0; c < scales.Length; c++) BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4 * c), _random.Next(-2000, 2000));
        _tensors.Add(new GraphTensor(id, $"b{id}", [scales.Length], TensorType.Int32, new Quantization(scales, [.. scales.Select(_ => 0L)]), data));
        return id;
    }

    public int Op(OperatorKind kind, int[] inputs, int output, OperatorOptions? options = null)
    {
        _operators.Add(new GraphOperator(_operators.Count, kind, inputs, [output], options ?? OperatorOptions.None));
        return output;
    }

    public GraphTensor this[int id] => _tensors[id];

    public ModelGraph Build(int input, int output) => new(name, [.. _tensors], [.. _operators], [input], [output]);

    /// <summary>The py32f003 kind: stats [1, 2B] -> FC ReLU -> FC -> Softmax.</summary>
    public static ModelGraph Mlp(int bands, int hidden, int seed)
    {
        var g = new GraphBuilder("mlp", seed);
        var x = g.Activation([1, 2 * bands], 1.0 / 16, -3, "stats");
        var w1 = g.Weights([hidden, 2 * bands], 0);
        var h = g.Op(OperatorKind.FullyConnected, [x, w1, g.Bias(x, w1)], g.Activation([1, hidden], 0.05, -128), new OperatorOptions { Activation = FusedActivation.Relu });
        var w2 = g.Weights([6, hidden], 0);
        var logits = g.Op(OperatorKind.FullyConnected, [h, w2, g.Bias(h, w2)], g.Activation([1, 6], 0.1, 5));
        var p = g.Op(OperatorKind.Softmax, [logits], g.Activation([1, 6], 1.0 / 256, -128, "scores"), new OperatorOptions { SoftmaxBeta = 1.0 });
        return g.Build(x, p);
    }

    /// <summary>A DS-CNN in miniature: window [1, W, B, 1] -> conv -> depthwise -> pointwise -> pools -> reshape -> FC -> softmax.</summary>
    public static ModelGraph DsCnn(int columns, int bands, int seed)
    {
        var g = new GraphBuilder("ds-cnn", seed);
        var x = g.Activation([1, columns, bands, 1], 1.0 / 32, 10, "window");
        var wc = g.Weights([8, 3, 3, 1], 0);
        var c1 = g.Op(OperatorKind.Conv2D, [x, wc, g.Bias(x, wc)], g.Activation([1, columns / 2, bands / 2, 8], 0.04, -128),
            new OperatorOptions { Padding = Padding.Same, StrideWidth = 2, StrideHeight = 2, Activation = FusedActivation.Relu });
        var wd = g.Weights([1, 3, 3, 8], 3);
        var d1 = g.Op(OperatorKind.DepthwiseConv2D, [c1, wd, g.Bias(c1, wd)], g.Activation([1, columns / 2, bands / 2, 8], 0.03, -128),
            new OperatorOptions { Padding = Padding.Same, Activation = FusedActivation.Relu6, DepthMultiplier = 1 });
        var wp = g.Weights([8, 1, 1, 8], 0);
        var p1 = g.Op(OperatorKind.Conv2D, [d1, wp, g.Bias(d1, wp)], g.Activation([1, columns / 2, bands / 2, 8], 0.05, -128),
            new OperatorOptions { Padding = Padding.Valid, Activation = FusedActivation.Relu });
        var m1 = g.Op(OperatorKind.MaxPool2D, [p1], g.Activation([1, columns / 4, bands / 4, 8], 0.05, -128),
            new OperatorOptions { Padding = Padding.Valid, StrideWidth = 2, StrideHeight = 2, FilterWidth = 2, FilterHeight = 2 });
        var a1 = g.Op(OperatorKind.AveragePool2D, [m1], g.Activation([1, 1, 1, 8], 0.05, -128),
            new OperatorOptions { Padding = Padding.Valid, StrideWidth = 1, StrideHeight = 1, FilterWidth = bands / 4, FilterHeight = columns / 4 });
        var r = g.Op(OperatorKind.Reshape, [a1], g.Activation([1, 8], 0.05, -128));
        var wf = g.Weights([6, 8], 0);
        var logits = g.Op(OperatorKind.FullyConnected, [r, wf, g.Bias(r, wf)], g.Activation([1, 6], 0.08, 0));
        var p = g.Op(OperatorKind.Softmax, [logits], g.Activation([1, 6], 1.0 / 256, -128, "scores"), new OperatorOptions { SoftmaxBeta = 1.0 });
        return g.Build(x, p);
    }
}
