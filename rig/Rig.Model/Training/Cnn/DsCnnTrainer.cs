using Rig.Model.Quantized;

namespace Rig.Model.Training.Cnn;

/// <summary>
/// Softmax cross-entropy training of a <see cref="DsCnn"/> with Adam: windows of every training
/// clip starting every stride columns, minibatches in a seeded shuffled order, cosine learning-rate
/// decay, and per example a random gain (along the frontend's gain direction, like the MLP's),
/// Gaussian input noise and the optional <see cref="WindowAugmentation"/> (time shift, masks),
/// label smoothing and mixup. Single-threaded and seeded throughout: a seed always gives the same weights.
/// </summary>
public static class DsCnnTrainer
{
    public static DsCnn Train(IReadOnlyList<LabelledClip> clips, int windowColumns, int stride, double[] gainDirection, int classes, DsCnnOptions options, Action<string>? log = null)
    {
        var bands = clips[0].Columns[0].Length;
        var norm = options.Architecture.FitNormalisation(clips.SelectMany(c => c.Columns), bands);
        var net = new DsCnn(options.Architecture, new FeatureShape(windowColumns, bands, 1), classes, norm);
        var rng = new SplitMix64(options.Seed);
        net.Initialise(rng);
        var parameters = net.Parameters.ToArray();
        var gradients = net.Gradients.ToArray();
        var adam = new AdamOptimizer(parameters, net.DecayMask);

        var inputs = clips.Select(c => norm.Apply(c.Columns)).ToArray();
        var examples = new List<(int Clip, int Start)>();
        for (var c = 0; c < clips.Count; c++)
            for (var s = 0; s + windowColumns <= clips[c].Columns.Count; s += stride) examples.Add((c, s));
        // A gain of g dB moves band b's normalised value by g * gainPerDb[b].
        var gainPerDb = new double[bands];
        for (var b = 0; b < bands; b++) gainPerDb[b] = gainDirection[b] * MlpTrainer.Q78PerDb / InputNormalisation.Q78 * norm.InvStd[b];

        var order = Enumerable.Range(0, examples.Count).ToArray();
        var augment = new WindowAugmentation(options, rng);
        var x = new double[windowColumns * bands];
        var other = new double[windowColumns * bands];
        var p = new double[classes];
        var target = new double[classes];
        var otherTarget = new double[classes];
        var steps = options.Epochs * ((examples.Count + options.BatchSize - 1) / options.BatchSize);
        var step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            double loss = 0;
            var right = 0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                net.ClearGradients();
                var end = Math.Min(order.Length, start + options.BatchSize);
                for (var n = start; n < end; n++)
                {
                    var (clip, first) = examples[order[n]];
                    var label = clips[clip].LabelIndex;
                    Window(clip, first, x);
                    WindowAugmentation.Target(label, options.LabelSmoothing, target);
                    if (options.MixShare > 0 && rng.NextDouble() < options.MixShare)
                    {
                        var (otherClip, otherFirst) = examples[rng.NextInt(examples.Count)];
                        Window(otherClip, otherFirst, other);
                        WindowAugmentation.Target(clips[otherClip].LabelIndex, options.LabelSmoothing, otherTarget);
                        var w = rng.NextDouble() * options.MixMaxWeight;
                        for (var i = 0; i < x.Length; i++) x[i] += w * (other[i] - x[i]);
                        for (var c = 0; c < classes; c++) target[c] += w * (otherTarget[c] - target[c]);
                    }
                    var logits = net.Forward(x);
                    FloatMlp.Softmax(logits, p);
                    for (var c = 0; c < classes; c++)
                        if (target[c] > 0) loss -= target[c] * Math.Log(Math.Max(p[c], 1e-12));
                    var best = 0;
                    for (var c = 1; c < classes; c++)
                        if (p[c] > p[best]) best = c;
                    if (best == label) right++;
                    for (var c = 0; c < classes; c++) p[c] -= target[c];
                    net.Backward(p);
                }
                var scale = 1.0 / (end - start);
                foreach (var g in gradients)
                    for (var i = 0; i < g.Length; i++) g[i] *= scale;
                var lr = options.LearningRate * 0.5 * (1 + Math.Cos(Math.PI * step / steps));
                adam.Step(gradients, lr, options.WeightDecay);
                step++;
            }
            log?.Invoke($"epoch {epoch + 1}/{options.Epochs}: loss {loss / order.Length:F4}, train window accuracy {(double)right / order.Length:P1}");
        }
        return net;

        // One training window: shifted, gain-moved, noisy and masked, into w.
        void Window(int clip, int first, double[] w)
        {
            var begin = augment.Shift(first, clips[clip].Columns.Count, windowColumns);
            inputs[clip].AsSpan(begin * bands, w.Length).CopyTo(w);
            var gain = (2 * rng.NextDouble() - 1) * options.GainAugmentationDb;
            for (var i = 0; i < w.Length; i++) w[i] += gain * gainPerDb[i % bands] + options.InputNoise * rng.NextGaussian();
            augment.Mask(w, bands);
        }
    }

    /// <summary>The logits of one window of a clip (normalised columns as <see cref="InputNormalisation.Apply"/> gives them).</summary>
    public static ReadOnlySpan<double> Infer(DsCnn net, double[] normalisedColumns, int startColumn) =>
        net.Forward(normalisedColumns.AsSpan(startColumn * net.Input.Width, net.Input.Size));

    /// <summary>Q15 scores of a float softmax, as the boards report them.</summary>
    public static short[] Q15(ReadOnlySpan<double> p)
    {
        var q = new short[p.Length];
        for (var c = 0; c < p.Length; c++) q[c] = FixedPoint.Sat16((long)Math.Round(p[c] * 32768));
        return q;
    }
}
