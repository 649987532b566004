using Rig.Core;
using Rig.Core.Profiles;
using Rig.Model.Clips;
using Rig.Model.Quantized;

namespace Rig.Model.Training;

/// <summary>Accuracy of a float and a quantised model on held-out clips, per clip (profile aggregation) and per window.</summary>
public sealed record ModelEvaluation(
    int Clips,
    int Windows,
    double FloatAccuracy,
    double QuantizedAccuracy,
    double FloatWindowAccuracy,
    double QuantizedWindowAccuracy,
    int[][] QuantizedConfusion)
{
    /// <summary>
    /// The quantised model goes through <see cref="ClipClassifier"/> (the firmware's exact path); the float
    /// model sees the same int8 inputs and is aggregated the same way from its float softmax.
    /// Clips without a full window count as wrong.
    /// </summary>
    public static ModelEvaluation Run(FloatMlp net, QuantizedModel q, IReadOnlyList<LabelledClip> clips, ClassifierSection classifier)
    {
        int floatRight = 0, quantRight = 0, floatWin = 0, quantWin = 0, windows = 0;
        var confusion = Labels.All.Select(_ => new int[Labels.All.Count]).ToArray();
        var input = new InputQuantization(q.InputOffset, q.InputMult, q.InputShift);
        var hidden = new double[net.Hidden];
        var logits = new double[net.Classes];
        var p = new double[net.Classes];
        foreach (var clip in clips)
        {
            var decision = ClipClassifier.Classify(q, clip.Columns, classifier);
            if (decision.PredictedIndex == clip.LabelIndex) quantRight++;
            if (decision.PredictedIndex >= 0) confusion[clip.LabelIndex][decision.PredictedIndex]++;
            quantWin += decision.Windows.Count(w => w.Winner == clip.LabelIndex);

            var floatWindows = new List<(int, short[])>();
            foreach (var stats in WindowStats.Of(clip.Columns, q.Bands, q.WindowColumns, classifier.WindowHopColumns))
            {
                net.Forward(InputQuantization.ToFloat(input.Apply(stats)), hidden, logits);
                FloatMlp.Softmax(logits, p);
                var best = 0;
                for (var c = 1; c < p.Length; c++)
                    if (p[c] > p[best]) best = c;
                if (best == clip.LabelIndex) floatWin++;
                floatWindows.Add((best, p.Select(v => (short)Math.Min(32767, Math.Round(v * 32768))).ToArray()));
            }
            windows += floatWindows.Count;
            if (ScoreAggregation.Aggregate(classifier.Aggregation, floatWindows).Winner == clip.LabelIndex) floatRight++;
        }
        double Frac(int n, int d) => d == 0 ? 0 : (double)n / d;
        return new ModelEvaluation(clips.Count, windows, Frac(floatRight, clips.Count), Frac(quantRight, clips.Count),
            Frac(floatWin, windows), Frac(quantWin, windows), confusion);
    }
}
