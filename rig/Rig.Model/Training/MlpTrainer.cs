namespace Rig.Model.Training;

/// <summary>
/// Softmax cross-entropy training of a <see cref="FloatMlp"/> with Adam, minibatches in a seeded
/// shuffled order, cosine learning-rate decay and two augmentations: a random gain per example
/// (applied to the integer window statistics along <paramref name="gainDirection"/>, then
/// quantised like real inputs) and Gaussian noise on the inputs. Single-threaded and seeded
/// throughout, so a seed always gives the same weights.
/// </summary>
public static class MlpTrainer
{
    /// <summary>Q7.8 log2 units per dB of power: 256 / (10 log10 2).</summary>
    public const double Q78PerDb = 256.0 / 3.0102999566398120;

    public static FloatMlp Train(IReadOnlyList<short[]> stats, IReadOnlyList<int> labels, InputQuantization input, double[] gainDirection, int classes, TrainingOptions options)
    {
        var rng = new SplitMix64(options.Seed);
        var features = stats[0].Length;
        var shifted = new short[features];
        var net = new FloatMlp(features, options.Hidden, classes);
        net.Initialise(rng);
        var adam = new AdamOptimizer([net.W1, net.B1, net.W2, net.B2], [true, false, true, false]);
        var grads = new[] { new double[net.W1.Length], new double[net.B1.Length], new double[net.W2.Length], new double[net.B2.Length] };
        var order = Enumerable.Range(0, stats.Count).ToArray();
        var x = new double[features];
        var hidden = new double[options.Hidden];
        var logits = new double[classes];
        var p = new double[classes];
        var dHidden = new double[options.Hidden];
        var steps = options.Epochs * ((stats.Count + options.BatchSize - 1) / options.BatchSize);
        var step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                foreach (var g in grads) Array.Clear(g);
                var end = Math.Min(order.Length, start + options.BatchSize);
                for (var n = start; n < end; n++)
                {
                    var src = stats[order[n]];
                    var gain = (2 * rng.NextDouble() - 1) * options.GainAugmentationDb * Q78PerDb;
                    for (var k = 0; k < features; k++)
                        shifted[k] = Quantized.FixedPoint.Sat16((long)Math.Round(src[k] + gain * gainDirection[k]));
                    var q = input.Apply(shifted);
                    for (var k = 0; k < features; k++) x[k] = q[k] / InputQuantization.StepsPerSigma + options.InputNoise * rng.NextGaussian();
                    net.Forward(x, hidden, logits);
                    FloatMlp.Softmax(logits, p);
                    p[labels[order[n]]] -= 1; // dLoss/dlogits
                    Array.Clear(dHidden);
                    for (var c = 0; c < classes; c++)
                    {
                        grads[3][c] += p[c];
                        var row = c * options.Hidden;
                        for (var i = 0; i < options.Hidden; i++)
                        {
                            grads[2][row + i] += p[c] * hidden[i];
                            dHidden[i] += p[c] * net.W2[row + i];
                        }
                    }
                    for (var i = 0; i < options.Hidden; i++)
                    {
                        if (hidden[i] <= 0) continue;
                        grads[1][i] += dHidden[i];
                        var row = i * features;
                        for (var k = 0; k < features; k++) grads[0][row + k] += dHidden[i] * x[k];
                    }
                }
                var scale = 1.0 / (end - start);
                foreach (var g in grads)
                    for (var i = 0; i < g.Length; i++) g[i] *= scale;
                var lr = options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * step / steps));
                adam.Step(grads, lr, options.WeightDecay);
                step++;
            }
        }
        return net;
    }
}
