using Rig.Core.Profiles;
using Rig.Model.Files;
using Rig.Model.Quantized;

namespace Rig.Model.Training;

/// <summary>What one training run produced: the float net, the deployed integer model, and how both score on the held-out clips.</summary>
public sealed record TrainingResult(FloatMlp Float, QuantizedModel Model, ModelEvaluation Evaluation, int TrainWindows)
{
    public ModelDescription Describe(string trainPlaylist, string evalPlaylist, TrainingOptions options) => new(Model, new TrainingInfo(
        trainPlaylist, evalPlaylist, options.Seed, options.Epochs, TrainWindows, Evaluation.Clips,
        Math.Round(Evaluation.FloatAccuracy, 6), Math.Round(Evaluation.QuantizedAccuracy, 6),
        Math.Round(Evaluation.FloatWindowAccuracy, 6), Math.Round(Evaluation.QuantizedWindowAccuracy, 6)));
}

/// <summary>
/// Training from feature columns to a deployable model: window statistics (the firmware's integer
/// stage 1), input quantisation fitted on the training set, float training, post-training
/// quantisation, evaluation on held-out clips.
/// </summary>
public static class ModelTrainer
{
    public static TrainingResult Train(
        string trainName, IReadOnlyList<LabelledClip> train,
        string evalName, IReadOnlyList<LabelledClip> eval,
        ModelShape shape, ClassifierSection classifier, TrainingOptions options)
    {
        TrainingSetProblems.ThrowIfUnusable(trainName, train, shape.Bands, shape.WindowColumns);
        if ((shape.WindowColumns & (shape.WindowColumns - 1)) != 0 || shape.WindowColumns < 2)
            throw new InvalidDataException($"classifier.window_columns: {shape.WindowColumns} must be a power of two (the firmware divides by shifting)");
        var stride = options.TrainStrideColumns > 0 ? options.TrainStrideColumns : Math.Max(1, shape.WindowColumns / 4);

        var stats = new List<short[]>();
        var labels = new List<int>();
        foreach (var clip in train)
        {
            foreach (var s in WindowStats.Of(clip.Columns, shape.Bands, shape.WindowColumns, stride))
            {
                stats.Add(s);
                labels.Add(clip.LabelIndex);
            }
        }
        var input = InputQuantization.Fit(stats);
        var inputs = stats.Select(s => InputQuantization.ToFloat(input.Apply(s))).ToList();
        var net = MlpTrainer.Train(stats, labels, input, GainDirection(shape), QuantizedModel.Classes, options);
        var model = Quantizer.Quantize(net, input, inputs, shape);
        var evaluation = ModelEvaluation.Run(net, model, eval, classifier);
        return new TrainingResult(net, model, evaluation, stats.Count);
    }

    /// <summary>
    /// How a gain of one Q7.8 unit moves each statistic: every log-mel band mean moves with it, the
    /// mean |delta|s do not; with an orthonormal DCT (MFCC) only c0 moves, by sqrt(mel bands).
    /// </summary>
    public static double[] GainDirection(ModelShape shape)
    {
        var d = new double[2 * shape.Bands];
        if (shape.MelBandsBeforeDct > 0) d[0] = Math.Sqrt(shape.MelBandsBeforeDct);
        else for (var b = 0; b < shape.Bands; b++) d[b] = 1;
        return d;
    }
}
