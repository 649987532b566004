using Rig.Model.Graph;
using Rig.Model.Training.Cnn;

namespace Rig.Model.Training.Export;

/// <summary>
/// The rig's MLP as an int8 TFLite graph with a <c>stats</c> input: [1, 2B] window statistics
/// (real = Q7.8 / 256) -> FULLY_CONNECTED + ReLU -> FULLY_CONNECTED -> SOFTMAX. The per-statistic
/// input quantisation of the firmware's own MLP (offset, multiplier, shift) is folded into the first
/// layer's float weights, so the graph needs one input scale; ranges are calibrated on the training
/// statistics like the DS-CNN's.
/// </summary>
public static class MlpGraph
{
    public static ModelGraph Build(FloatMlp net, InputQuantization input, IReadOnlyList<short[]> trainStats, string name)
    {
        var features = net.Inputs;
        // x_k = (s_k - offset_k) * a_k in the float model, with s_k = 256 r_k.
        var a = new double[features];
        for (var k = 0; k < features; k++) a[k] = input.Mult[k] / Math.Pow(2, input.Shift[k]) / InputQuantization.StepsPerSigma;
        var w1 = new double[net.W1.Length];
        var b1 = (double[])net.B1.Clone();
        for (var i = 0; i < net.Hidden; i++)
            for (var k = 0; k < features; k++)
            {
                var w = net.W1[i * features + k];
                w1[i * features + k] = w * a[k] * InputNormalisation.Q78;
                b1[i] -= w * a[k] * input.Offset[k];
            }

        var fc1 = new DenseLayer(new FeatureShape(1, 1, features), net.Hidden, relu: true);
        var fc2 = new DenseLayer(fc1.Output, net.Classes, relu: false);
        w1.CopyTo(fc1.Weights);
        b1.CopyTo(fc1.Bias);
        net.W2.CopyTo(fc2.Weights);
        net.B2.CopyTo(fc2.Bias);

        double inMin = double.MaxValue, inMax = double.MinValue, hMax = 0, lMin = double.MaxValue, lMax = double.MinValue;
        var r = new double[features];
        var h = new double[net.Hidden];
        var l = new double[net.Classes];
        foreach (var s in trainStats)
        {
            for (var k = 0; k < features; k++)
            {
                r[k] = s[k] / InputNormalisation.Q78;
                inMin = Math.Min(inMin, r[k]);
                inMax = Math.Max(inMax, r[k]);
            }
            fc1.Forward(r, h);
            fc2.Forward(h, l);
            foreach (var v in h) hMax = Math.Max(hMax, v);
            foreach (var v in l)
            {
                lMin = Math.Min(lMin, v);
                lMax = Math.Max(lMax, v);
            }
        }
        ActivationRange[] ranges = [ActivationRange.Of(inMin, inMax), ActivationRange.Of(0, hMax), ActivationRange.Of(lMin, lMax)];

        var g = new GraphBuilder();
        var x = g.Activation("input", [1, features], ranges[0]);
        var q1 = PerChannelWeights.Quantize(fc1.Weights, fc1.Bias, ranges[0].Scale, k => k / features);
        var hidden = DsCnnQuantizer.FullyConnected(g, "hidden", x, q1, features, ranges[1], relu: true);
        var q2 = PerChannelWeights.Quantize(fc2.Weights, fc2.Bias, ranges[1].Scale, k => k / net.Hidden);
        var logits = DsCnnQuantizer.FullyConnected(g, "logits", hidden, q2, net.Hidden, ranges[2], relu: false);
        var softmax = g.Activation("softmax", [1, net.Classes], ActivationRange.Softmax);
        g.Operator(Graph.OperatorKind.Softmax, [logits], softmax, new Graph.OperatorOptions { SoftmaxBeta = 1.0 });

        return Tflite.TfliteWriter.RoundScalesToFloat32(g.Build(name, 0, softmax));
    }
}
