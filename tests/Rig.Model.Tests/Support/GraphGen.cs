using CsCheck;
using Rig.Model.Graph;

namespace Rig.Model.Tests.Support;

/// <summary>
/// Random int8 graphs for the C-versus-C# checks: shapes, strides, dilations, padding, activations and
/// quantisation drawn by CsCheck (so a failure shrinks to a small case), weights and biases from a seed.
/// </summary>
public static class GraphGen
{
    public sealed record Case(ModelGraph Graph, sbyte[] Input)
    {
        public override string ToString() =>
            $"{Graph.Name}: " + string.Join("; ", Graph.Operators.Select(o => $"{o.Kind} {Shape(Graph, o.Inputs[0])}->{Shape(Graph, o.Outputs[0])} {o.Options}"));

        private static string Shape(ModelGraph g, int id) => "[" + string.Join(",", g.Tensors[id].Shape) + "]";
    }

    private static readonly Gen<Padding> s_padding = Gen.OneOf(Padding.Same, Padding.Valid);
    private static readonly Gen<FusedActivation> s_activation = Gen.OneOf(FusedActivation.None, FusedActivation.Relu, FusedActivation.Relu6);
    /// <summary>Activation scales from fine to coarse, so multipliers span right shifts and left shifts.</summary>
    private static readonly Gen<double> s_scale = Gen.Double[-8, 1].Select(e => Math.Pow(2, e));
    private static readonly Gen<int> s_zero = Gen.OneOf(Gen.Int[-20, 20], Gen.Int[-20, 20], Gen.Int[-128, 127]);

    public static Gen<Case> Conv2D { get; } =
        Gen.Select(Gen.Int[1, 9], Gen.Int[1, 9], Gen.Int[1, 6], Gen.Int[1, 6], Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[1, 3], Gen.Int[1, 3],
                Gen.Int[1, 3], Gen.Int[1, 3], s_padding, s_activation, Quant(), Gen.UInt, Gen.Bool,
            (h, w, cin, cout, kh, kw, sh, sw, dh, dw, padding, act, q, seed, perChannel) =>
            {
                var options = new OperatorOptions { Padding = padding, StrideHeight = sh, StrideWidth = sw, DilationHeight = dh, DilationWidth = dw, Activation = act };
                return Convolution(OperatorKind.Conv2D, h, w, cin, cout, kh, kw, options, q, seed, perChannel);
            })
            .Where(c => c is not null).Select(c => c!);

    public static Gen<Case> DepthwiseConv2D { get; } =
        Gen.Select(Gen.Int[1, 9], Gen.Int[1, 9], Gen.Int[1, 6], Gen.Int[1, 3], Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[1, 3], Gen.Int[1, 3],
                Gen.Int[1, 3], Gen.Int[1, 3], s_padding, s_activation, Quant(), Gen.UInt, Gen.Bool,
            (h, w, cin, mult, kh, kw, sh, sw, dh, dw, padding, act, q, seed, perChannel) =>
            {
                var options = new OperatorOptions { Padding = padding, StrideHeight = sh, StrideWidth = sw, DilationHeight = dh, DilationWidth = dw, Activation = act, DepthMultiplier = mult };
                return Convolution(OperatorKind.DepthwiseConv2D, h, w, cin, cin * mult, kh, kw, options, q, seed, perChannel);
            })
            .Where(c => c is not null).Select(c => c!);

    public static Gen<Case> FullyConnected { get; } =
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[1, 8], Gen.Int[1, 16], Gen.Bool, s_activation, Quant(), Gen.UInt,
                Gen.OneOf(0, 0, 0, 3, -5), Gen.Bool,
            (h, w, c, units, flat, act, q, seed, filterZero, perChannel) =>
            {
                var rng = new Random((int)seed);
                var s = new GraphSketch();
                var depth = h * w * c;
                var input = s.Activation(flat ? [1, depth] : [1, h, w, c], q.In, q.InZero);
                var scales = perChannel ? Scales(rng, units) : Scales(rng, 1);
                var filter = s.Weights([units, depth], Int8(rng, units * depth), scales, 0, perChannel ? 0 : filterZero);
                var bias = s.Bias(Ints(rng, units, 30000));
                var output = s.Activation([1, units], q.Out, q.OutZero);
                s.Op(OperatorKind.FullyConnected, [input, filter, bias], output, new OperatorOptions { Activation = act });
                return new Case(s.Build(input, output, "fully-connected"), Int8(rng, depth));
            });

    public static Gen<Case> Pool { get; } =
        Gen.Select(Gen.Int[1, 9], Gen.Int[1, 9], Gen.Int[1, 5], Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[1, 3], Gen.Int[1, 3], s_padding,
                s_activation, Gen.OneOf(OperatorKind.AveragePool2D, OperatorKind.MaxPool2D), s_scale, s_zero, Gen.UInt,
            (h, w, c, fh, fw, sh, sw, padding, act, kind, scale, zero, seed) =>
            {
                var outH = LayerPreparation.OutSize(padding, h, fh, sh, 1);
                var outW = LayerPreparation.OutSize(padding, w, fw, sw, 1);
                if (outH < 1 || outW < 1) return null;
                var rng = new Random((int)seed);
                var s = new GraphSketch();
                var input = s.Activation([1, h, w, c], scale, zero);
                var output = s.Activation([1, outH, outW, c], scale, zero);
                s.Op(kind, [input], output, new OperatorOptions { Padding = padding, FilterHeight = fh, FilterWidth = fw, StrideHeight = sh, StrideWidth = sw, Activation = act });
                return new Case(s.Build(input, output, kind.ToString()), Int8(rng, h * w * c));
            })
            .Where(c => c is not null).Select(c => c!);

    public static Gen<Case> Softmax { get; } =
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 24], Gen.Double[-7, 0], s_zero, Gen.OneOf(1.0, 1.0, 0.5, 2.0), Gen.UInt,
            (rows, depth, scaleExp, zero, beta, seed) =>
            {
                var rng = new Random((int)seed);
                var s = new GraphSketch();
                int[] shape = rows == 1 ? [1, depth] : [1, 1, rows, depth];
                var input = s.Activation(shape, Math.Pow(2, scaleExp), zero);
                var output = s.Activation(shape, 1.0 / 256, -128);
                s.Op(OperatorKind.Softmax, [input], output, new OperatorOptions { SoftmaxBeta = beta });
                return new Case(s.Build(input, output, "softmax"), Int8(rng, rows * depth));
            });

    /// <summary>A depthwise-separable CNN like the ones train-cnn produces (ESC/KWS DS-CNN): conv, depthwise + pointwise blocks, pooling, FC, softmax.</summary>
    public static Gen<Case> DsCnn { get; } =
        Gen.Select(Gen.Int[8, 32], Gen.Int[6, 20], Gen.Int[2, 12], Gen.Int[1, 3], Gen.Bool, Gen.UInt, DsCnnOf);

    public static Case DsCnnOf(int columns, int bands, int channels, int blocks, bool maxPool, uint seed)
    {
        var rng = new Random((int)seed);
        var s = new GraphSketch();
        double Scale() => Math.Pow(2, -1 - 4 * rng.NextDouble());
        int Zero() => rng.Next(-128, -100);
        var input = s.Activation([1, columns, bands, 1], 0.05, rng.Next(-20, 20));
        var x = input;
        int h = columns, w = bands, c = 1;
        int Conv(OperatorKind kind, int kh, int kw, int stride, int outC, Padding padding)
        {
            var oh = LayerPreparation.OutSize(padding, h, kh, stride, 1);
            var ow = LayerPreparation.OutSize(padding, w, kw, stride, 1);
            var depthwise = kind == OperatorKind.DepthwiseConv2D;
            int[] filterShape = depthwise ? [1, kh, kw, outC] : [outC, kh, kw, c];
            var filter = s.Weights(filterShape, Int8(rng, filterShape.Aggregate(1, (a, b) => a * b)), Scales(rng, outC), depthwise ? 3 : 0);
            var bias = s.Bias(Ints(rng, outC, 2000));
            var y = s.Activation([1, oh, ow, outC], Scale(), Zero());
            s.Op(kind, [x, filter, bias], y, new OperatorOptions { Padding = padding, StrideHeight = stride, StrideWidth = stride, Activation = FusedActivation.Relu, DepthMultiplier = depthwise ? outC / c : 1 });
            (h, w, c) = (oh, ow, outC);
            return y;
        }
        x = Conv(OperatorKind.Conv2D, Math.Min(4, columns), Math.Min(3, bands), 2, channels, Padding.Same);
        for (var b = 0; b < blocks; b++)
        {
            x = Conv(OperatorKind.DepthwiseConv2D, 3, 3, 1, c, Padding.Same);
            x = Conv(OperatorKind.Conv2D, 1, 1, 1, channels, Padding.Valid);
        }
        var pooled = s.Activation([1, 1, 1, c], s[x].Quantization!.Scales[0], (int)s[x].Quantization!.ZeroPoints[0]);
        s.Op(maxPool ? OperatorKind.MaxPool2D : OperatorKind.AveragePool2D, [x], pooled, new OperatorOptions { Padding = Padding.Valid, FilterHeight = h, FilterWidth = w, StrideHeight = h, StrideWidth = w });
        var flat = s.Activation([1, c], s[pooled].Quantization!.Scales[0], (int)s[pooled].Quantization!.ZeroPoints[0]);
        s.Op(OperatorKind.Reshape, [pooled], flat);
        var logits = s.Activation([1, 6], 0.1 + rng.NextDouble() * 0.2, rng.Next(-10, 10));
        s.Op(OperatorKind.FullyConnected, [flat, s.Weights([6, c], Int8(rng, 6 * c), [0.01 + 0.02 * rng.NextDouble()], 0), s.Bias(Ints(rng, 6, 3000))], logits);
        var probabilities = s.Activation([1, 6], 1.0 / 256, -128);
        s.Op(OperatorKind.Softmax, [logits], probabilities);
        return new Case(s.Build(input, probabilities, $"ds-cnn-{columns}x{bands}-c{channels}-b{blocks}"), Int8(rng, columns * bands));
    }

    /// <summary>The py32f003 shape: a stats input [1, 2B] (window means and mean |delta|s), one ReLU hidden layer, six classes, softmax.</summary>
    public static Case StatsMlpOf(int bands, int hidden, uint seed)
    {
        var rng = new Random((int)seed);
        var s = new GraphSketch();
        var input = s.Activation([1, 2 * bands], 0.05 + 0.2 * rng.NextDouble(), rng.Next(-30, 30));
        var h = s.Activation([1, hidden], 0.05 + 0.1 * rng.NextDouble(), -128);
        s.Op(OperatorKind.FullyConnected, [input, s.Weights([hidden, 2 * bands], Int8(rng, hidden * 2 * bands), [0.005 + 0.01 * rng.NextDouble()], 0), s.Bias(Ints(rng, hidden, 3000))], h,
            new OperatorOptions { Activation = FusedActivation.Relu });
        var logits = s.Activation([1, 6], 0.1 + 0.1 * rng.NextDouble(), rng.Next(-10, 10));
        s.Op(OperatorKind.FullyConnected, [h, s.Weights([6, hidden], Int8(rng, 6 * hidden), [0.01 + 0.01 * rng.NextDouble()], 0), s.Bias(Ints(rng, 6, 3000))], logits);
        var probabilities = s.Activation([1, 6], 1.0 / 256, -128);
        s.Op(OperatorKind.Softmax, [logits], probabilities);
        return new Case(s.Build(input, probabilities, $"stats-mlp-{bands}x{hidden}"), Int8(rng, 2 * bands));
    }

    public sealed record QuantPick(double In, int InZero, double Out, int OutZero);

    private static Gen<QuantPick> Quant() => Gen.Select(s_scale, s_zero, s_scale, s_zero, (a, b, c, d) => new QuantPick(a, b, c, d));

    private static Case? Convolution(OperatorKind kind, int h, int w, int cin, int cout, int kh, int kw, OperatorOptions o, QuantPick q, uint seed, bool perChannel)
    {
        var outH = LayerPreparation.OutSize(o.Padding, h, kh, o.StrideHeight, o.DilationHeight);
        var outW = LayerPreparation.OutSize(o.Padding, w, kw, o.StrideWidth, o.DilationWidth);
        if (outH < 1 || outW < 1) return null;
        var rng = new Random((int)seed);
        var s = new GraphSketch();
        var depthwise = kind == OperatorKind.DepthwiseConv2D;
        var input = s.Activation([1, h, w, cin], q.In, q.InZero);
        int[] filterShape = depthwise ? [1, kh, kw, cout] : [cout, kh, kw, cin];
        var filter = s.Weights(filterShape, Int8(rng, filterShape.Aggregate(1, (a, b) => a * b)), perChannel ? Scales(rng, cout) : Scales(rng, 1), depthwise ? 3 : 0);
        var inputs = rng.Next(4) == 0 ? new[] { input, filter } : [input, filter, s.Bias(Ints(rng, cout, 50000))];
        var output = s.Activation([1, outH, outW, cout], q.Out, q.OutZero);
        s.Op(kind, inputs, output, o);
        return new Case(s.Build(input, output, kind.ToString()), Int8(rng, h * w * cin));
    }

    private static double[] Scales(Random rng, int n) => Enumerable.Range(0, n).Select(_ => Math.Pow(2, -4 - 6 * rng.NextDouble())).ToArray();

    private static sbyte[] Int8(Random rng, int n) => Enumerable.Range(0, n).Select(_ => (sbyte)rng.Next(-128, 128)).ToArray();

    private static int[] Ints(Random rng, int n, int range) => Enumerable.Range(0, n).Select(_ => rng.Next(-range, range + 1)).ToArray();
}
