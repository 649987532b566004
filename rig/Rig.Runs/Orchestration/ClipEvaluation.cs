using Rig.Audio.Playlists;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Dsp.Frontend;
using Rig.Model.Clips;
using Rig.Runs.Clips;
using Rig.Runs.Diff;

namespace Rig.Runs.Orchestration;

/// <summary>
/// Turns what a board produced for one clip into its <see cref="ClipResult"/>: the golden model
/// recomputes the columns from exactly the samples the board processed (injected, or captured in
/// acoustic mode), the columns are diffed, the board's per-window results are aggregated as the
/// profile says, the model's output per window is diffed against the golden twin run on the board's own columns, and
/// cycles are summarised.
/// </summary>
public static class ClipEvaluation
{
    public static ClipResult Evaluate(BoardProfile profile, PlaylistItem item, short[] processedSamples, ClipCapture capture, string runDir, bool writeFeatures,
                                      ModelGolden? model = null)
    {
        var golden = new Q15Frontend(profile.Frontend).ComputeAll(processedSamples);
        var board = capture.Columns.Select(c => c.Values).ToList();
        var diff = FeatureDiff.Compare(golden, board);
        var modelDiff = model is null ? null : ModelDiff.Compare(model.Windows(board), capture.Windows);
        var windows = capture.Windows.Select(w => (w.Class, w.Scores)).ToList();
        var (scores, winner) = ScoreAggregation.Aggregate(profile.Classifier.Aggregation, windows);
        string? featureFile = null;
        if (writeFeatures || !diff.Agrees) featureFile = ClipFeatures.Write(runDir, item.Index, board, golden);
        return new ClipResult
        {
            Index = item.Index,
            Name = item.Name,
            Label = item.Label,
            Predicted = winner >= 0 ? Labels.All[winner] : "none",
            Scores = scores,
            Frames = golden.Count,
            Windows = capture.Windows.Count,
            MismatchingValues = diff.MismatchingValues,
            MaxAbsDifference = diff.MaxAbsDifference,
            FirstDifferingStage = diff.Agrees ? null : StageLocator.OutputStage(profile.Frontend),
            ModelWindows = modelDiff?.Windows ?? 0,
            ModelMismatchingValues = modelDiff?.MismatchingValues ?? 0,
            CyclesPerStage = new Dictionary<string, Distribution>
            {
                ["frontend"] = Distribution.Of(capture.Columns.Select(c => (double)c.Cycles).ToArray()),
                ["model"] = Distribution.Of(capture.Windows.Select(w => (double)w.ModelCycles).ToArray()),
            },
            Retries = capture.Retries,
            DurationSeconds = item.DurationSeconds,
            FeatureFile = featureFile,
        };
    }
}
