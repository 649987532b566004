using Rig.Core;
using Rig.Core.Profiles;
using Rig.Model.Quantized;

namespace Rig.Model.Clips;

/// <summary>
/// What the firmware decides for a whole clip: windows of <c>window_columns</c> columns start every
/// <c>window_hop_columns</c> columns (0, hop, 2*hop, ...), each full window is inferred, and the
/// window results are aggregated per the profile.
/// </summary>
public static class ClipClassifier
{
    public static ClipDecision Classify(QuantizedModel model, IReadOnlyList<short[]> columns, ClassifierSection classifier)
    {
        if (classifier.WindowColumns != model.WindowColumns)
            throw new ArgumentException($"profile window_columns {classifier.WindowColumns} differs from the model's {model.WindowColumns}", nameof(classifier));
        var traces = new List<ModelTrace>();
        var window = new ModelWindow(model);
        for (var start = 0; start + model.WindowColumns <= columns.Count; start += classifier.WindowHopColumns)
        {
            window.Reset();
            for (var i = 0; i < model.WindowColumns; i++) window.Push(columns[start + i]);
            traces.Add(model.Infer(window));
        }
        var (scores, winner) = ScoreAggregation.Aggregate(classifier.Aggregation, traces.Select(t => (t.Winner, t.Scores)).ToList());
        return new ClipDecision(traces, scores, winner, winner < 0 ? null : Labels.All[winner]);
    }
}
