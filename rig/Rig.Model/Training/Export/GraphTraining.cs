using Rig.Core.Profiles;
using Rig.Model.Files;
using Rig.Model.Graph;
using Rig.Model.Training.Cnn;

namespace Rig.Model.Training.Export;

/// <summary>A trained model as an int8 graph, how it scored on the held-out clips, and its confusion (int8 simulation, rows = true label).</summary>
public sealed record GraphTrainingResult(ModelGraph Graph, GraphTrainingInfo Info, int[][] Confusion);

/// <summary>
/// `rig train --arch ds-cnn` and the graph form of `--arch mlp` as library calls: train (or take the
/// trained MLP), quantise to a <see cref="ModelGraph"/>, and score the float model and the int8
/// graph on the golden twin on the held-out clips the firmware's way (window hop, aggregation).
/// </summary>
public static class GraphTraining
{
    public static GraphTrainingResult TrainDsCnn(BoardProfile profile, string trainName, IReadOnlyList<LabelledClip> train, string evalName, IReadOnlyList<LabelledClip> eval, DsCnnOptions options, Action<string>? log = null)
    {
        var bands = profile.Frontend.ColumnLength;
        var windowColumns = profile.Classifier.WindowColumns;
        TrainingSetProblems.ThrowIfUnusable(trainName, train, bands, windowColumns);
        var stride = options.TrainStrideColumns > 0 ? options.TrainStrideColumns : Math.Max(1, windowColumns / 2);
        var gain = ModelTrainer.GainDirection(ProfileTraining.Shape(profile, 0));
        var net = DsCnnTrainer.Train(train, windowColumns, stride, gain, Quantized.QuantizedModel.Classes, options, log);
        var name = $"ds-cnn{windowColumns}x{bands}-{profile.Name}";
        var graph = DsCnnQuantizer.Quantize(net, train, stride, name);

        var p = new double[net.Classes];
        var normalised = new Dictionary<LabelledClip, double[]>(ReferenceEqualityComparer.Instance);
        var fl = WindowClassifierEvaluation.Run(eval, windowColumns, profile.Classifier, (clip, start) =>
        {
            if (!normalised.TryGetValue(clip, out var x)) normalised[clip] = x = net.Normalisation.Apply(clip.Columns);
            FloatMlp.Softmax(DsCnnTrainer.Infer(net, x, start), p);
            return (ArgMax(p), DsCnnTrainer.Q15(p));
        });
        var qe = Int8(profile, graph, eval);
        var windows = train.Sum(c => c.Columns.Count < windowColumns ? 0 : (c.Columns.Count - windowColumns) / stride + 1);
        var info = new GraphTrainingInfo("ds-cnn", new TrainingInfo(trainName, evalName, options.Seed, options.Epochs, windows, eval.Count,
            Math.Round(fl.ClipAccuracy, 6), Math.Round(qe.ClipAccuracy, 6), Math.Round(fl.WindowAccuracy, 6), Math.Round(qe.WindowAccuracy, 6)));
        return new GraphTrainingResult(graph, info, qe.Confusion);
    }

    /// <summary>The trained MLP as a stats-input graph, calibrated on the training windows and scored like the DS-CNN.</summary>
    public static GraphTrainingResult FromMlp(BoardProfile profile, TrainingResult mlp, string trainName, IReadOnlyList<LabelledClip> train, string evalName, IReadOnlyList<LabelledClip> eval, TrainingOptions options)
    {
        var windowColumns = profile.Classifier.WindowColumns;
        var stride = options.TrainStrideColumns > 0 ? options.TrainStrideColumns : Math.Max(1, windowColumns / 4);
        var stats = train.SelectMany(c => WindowStats.Of(c.Columns, profile.Frontend.ColumnLength, windowColumns, stride)).ToList();
        var m = mlp.Model;
        var graph = MlpGraph.Build(mlp.Float, new InputQuantization(m.InputOffset, m.InputMult, m.InputShift), stats, $"{m.Name}-graph");
        var qe = Int8(profile, graph, eval);
        var e = mlp.Evaluation;
        var info = new GraphTrainingInfo("mlp", new TrainingInfo(trainName, evalName, options.Seed, options.Epochs, mlp.TrainWindows, eval.Count,
            Math.Round(e.FloatAccuracy, 6), Math.Round(qe.ClipAccuracy, 6), Math.Round(e.FloatWindowAccuracy, 6), Math.Round(qe.WindowAccuracy, 6)));
        return new GraphTrainingResult(graph, info, qe.Confusion);
    }

    /// <summary>The graph on the golden twin (GraphClassifier: the firmware's integer arithmetic, bit for bit), clip by clip.</summary>
    public static (double ClipAccuracy, double WindowAccuracy, int Windows, int[][] Confusion) Int8(BoardProfile profile, ModelGraph graph, IReadOnlyList<LabelledClip> clips)
    {
        var w = profile.Classifier.WindowColumns;
        var classifier = new GraphClassifier(PreparedGraph.From(graph), w);
        return WindowClassifierEvaluation.Run(clips, w, profile.Classifier, (clip, start) =>
        {
            var d = classifier.Classify(clip.Columns.Skip(start).Take(w).ToList());
            return (d.Winner, d.Scores);
        });
    }

    private static int ArgMax(ReadOnlySpan<double> p)
    {
        var best = 0;
        for (var c = 1; c < p.Length; c++)
            if (p[c] > p[best]) best = c;
        return best;
    }
}
