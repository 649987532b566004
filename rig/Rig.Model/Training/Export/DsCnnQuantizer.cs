using Rig.Model.Graph;
using Rig.Model.Tflite;
using Rig.Model.Training.Cnn;

namespace Rig.Model.Training.Export;

/// <summary>
/// Post-training int8 quantisation of a <see cref="DsCnn"/>: the per-band input normalisation is
/// folded into the first (VALID) convolution so the graph takes the frontend's values
/// (real = Q7.8 / 256); activation ranges are calibrated on the training windows (min and max);
/// weights are symmetric per output channel, biases int32 at the accumulator's scale. The average
/// pool and reshape keep their input's quantisation (TFLite requires it); the output is TFLite's
/// int8 softmax (1/256, -128). Scales are rounded to float32, as the .tflite holds them, so the
/// golden twin, the firmware header and the file all run the same graph.
/// </summary>
public static class DsCnnQuantizer
{
    public static ModelGraph Quantize(DsCnn net, IReadOnlyList<LabelledClip> calibration, int stride, string name)
    {
        var layers = net.Layers;
        var bands = net.Input.Width;
        var min = new double[layers.Count + 1];
        var max = new double[layers.Count + 1];
        Array.Fill(min, double.MaxValue);
        Array.Fill(max, double.MinValue);
        foreach (var clip in calibration)
        {
            foreach (var col in clip.Columns)
                foreach (var v in col)
                {
                    min[0] = Math.Min(min[0], v / InputNormalisation.Q78);
                    max[0] = Math.Max(max[0], v / InputNormalisation.Q78);
                }
            var x = net.Normalisation.Apply(clip.Columns);
            for (var s = 0; s + net.Input.Height <= clip.Columns.Count; s += stride)
            {
                net.Forward(x.AsSpan(s * bands, net.Input.Size), (i, a) =>
                {
                    if (i == 0) return;
                    foreach (var v in a)
                    {
                        if (v < min[i]) min[i] = v;
                        if (v > max[i]) max[i] = v;
                    }
                });
            }
        }
        var ranges = new ActivationRange[layers.Count + 1];
        for (var i = 0; i <= layers.Count; i++)
            ranges[i] = layers.Count > 0 && i > 0 && layers[i - 1] is GlobalAveragePoolLayer ? ranges[i - 1] : ActivationRange.Of(min[i], max[i]);

        var g = new GraphBuilder();
        var H = net.Input.Height;
        var current = g.Activation("input", [1, H, bands, 1], ranges[0]);
        for (var i = 0; i < layers.Count; i++)
        {
            var inRange = ranges[i];
            var outRange = ranges[i + 1];
            var o = layers[i].Output;
            var outShape = new[] { 1, o.Height, o.Width, o.Channels };
            switch (layers[i])
            {
                case Conv2DLayer c:
                {
                    var (w, b) = i == 0 ? FoldInputNormalisation(c, net.Normalisation) : (c.Weights, c.Bias);
                    var perOut = c.KernelH * c.KernelW * c.Input.Channels;
                    int Channel(int k) => k / perOut;
                    var q = PerChannelWeights.Quantize(w, b, inRange.Scale, Channel);
                    var kind = c.KernelH == 1 && c.KernelW == 1 ? "pointwise" : "conv";
                    var filter = g.Int8Constant($"{kind}{i}/filter", [o.Channels, c.KernelH, c.KernelW, c.Input.Channels], q.Values, q.Scales, 0);
                    var bias = g.Int32Constant($"{kind}{i}/bias", [o.Channels], q.Bias, q.BiasScales);
                    var output = g.Activation($"{kind}{i}", outShape, outRange);
                    g.Operator(OperatorKind.Conv2D, [current, filter, bias], output, new OperatorOptions
                    {
                        Padding = c.Padding, StrideHeight = c.StrideH, StrideWidth = c.StrideW,
                        Activation = c.Relu ? FusedActivation.Relu : FusedActivation.None,
                    });
                    current = output;
                    break;
                }
                case DepthwiseConv2DLayer d:
                {
                    var channels = d.Input.Channels;
                    int Channel(int k) => k % channels;
                    var q = PerChannelWeights.Quantize(d.Weights, d.Bias, inRange.Scale, Channel);
                    var filter = g.Int8Constant($"depthwise{i}/filter", [1, d.KernelH, d.KernelW, channels], q.Values, q.Scales, 3);
                    var bias = g.Int32Constant($"depthwise{i}/bias", [channels], q.Bias, q.BiasScales);
                    var output = g.Activation($"depthwise{i}", outShape, outRange);
                    g.Operator(OperatorKind.DepthwiseConv2D, [current, filter, bias], output, new OperatorOptions
                    {
                        Padding = d.Padding, StrideHeight = d.StrideH, StrideWidth = d.StrideW, DepthMultiplier = 1,
                        Activation = d.Relu ? FusedActivation.Relu : FusedActivation.None,
                    });
                    current = output;
                    break;
                }
                case GlobalAveragePoolLayer p:
                {
                    var output = g.Activation($"pool{i}", outShape, outRange);
                    g.Operator(OperatorKind.AveragePool2D, [current], output, new OperatorOptions
                    {
                        Padding = Padding.Valid, FilterHeight = p.Input.Height, FilterWidth = p.Input.Width,
                    });
                    var flat = g.Activation($"flatten{i}", [1, o.Channels], outRange);
                    g.Operator(OperatorKind.Reshape, [output], flat, OperatorOptions.None);
                    current = flat;
                    break;
                }
                case DenseLayer f:
                {
                    var inputs = f.Input.Size;
                    int Channel(int k) => k / inputs;
                    var q = PerChannelWeights.Quantize(f.Weights, f.Bias, inRange.Scale, Channel);
                    current = FullyConnected(g, $"dense{i}", current, q, inputs, outRange, f.Relu);
                    break;
                }
                default:
                    throw new InvalidOperationException($"layer {i}: {layers[i].GetType().Name} has no int8 operator");
            }
        }
        var softmax = g.Activation("softmax", [1, net.Classes], ActivationRange.Softmax);
        g.Operator(OperatorKind.Softmax, [current], softmax, new OperatorOptions { SoftmaxBeta = 1.0 });
        return TfliteWriter.RoundScalesToFloat32(g.Build(name, 0, softmax));
    }

    /// <summary>A FULLY_CONNECTED with its filter [outputs, inputs] and bias; returns the output tensor.</summary>
    public static int FullyConnected(GraphBuilder g, string name, int input, PerChannelWeights q, int inputs, ActivationRange outRange, bool relu)
    {
        var outputs = q.Bias.Length;
        var filter = g.Int8Constant($"{name}/filter", [outputs, inputs], q.Values, q.Scales, 0);
        var bias = g.Int32Constant($"{name}/bias", [outputs], q.Bias, q.BiasScales);
        var output = g.Activation(name, [1, outputs], outRange);
        g.Operator(OperatorKind.FullyConnected, [input, filter, bias], output, new OperatorOptions
        {
            Activation = relu ? FusedActivation.Relu : FusedActivation.None,
        });
        return output;
    }

    /// <summary>
    /// The first convolution on raw real inputs: w * invStd, bias - sum w * invStd * mean is exact when
    /// every tap meets one known band's mean and scale wherever the filter sits and no tap ever reads
    /// padding: a VALID filter spanning every band (filter column b meets band b), or any VALID filter
    /// under a normalisation shared by all bands (<see cref="InputNormalisation.FitGlobal"/>).
    /// </summary>
    public static (double[] Weights, double[] Bias) FoldInputNormalisation(Conv2DLayer c, InputNormalisation n)
    {
        var fullBand = c.KernelW == c.Input.Width;
        if (c.Padding != Padding.Valid || c.Input.Channels != 1 || !(fullBand || n.IsGlobal))
            throw new InvalidOperationException("the input normalisation folds only into a VALID first convolution spanning every band, or any VALID one under a normalisation shared by all bands");
        var w = (double[])c.Weights.Clone();
        var b = (double[])c.Bias.Clone();
        var taps = c.KernelW;
        for (var k = 0; k < w.Length; k++)
        {
            // The filter column; under the full-band stem, the band it always meets.
            var band = k % taps;
            var o = k / (c.KernelH * taps);
            b[o] -= w[k] * n.InvStd[band] * n.Mean[band];
            w[k] *= n.InvStd[band];
        }
        return (w, b);
    }
}
