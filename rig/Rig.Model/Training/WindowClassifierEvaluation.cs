using Rig.Core;
using Rig.Core.Profiles;
using Rig.Model.Clips;

namespace Rig.Model.Training;

/// <summary>
/// Accuracy of any window classifier on labelled clips, the firmware's way: windows start every
/// window_hop_columns columns, each gives a winner and Q15 scores, the profile's aggregation decides
/// the clip. Clips without a full window count as wrong.
/// </summary>
public static class WindowClassifierEvaluation
{
    /// <param name="classify">The window of <paramref name="windowColumns"/> columns of a clip starting at a column -> winner and Q15 scores.</param>
    public static (double ClipAccuracy, double WindowAccuracy, int Windows, int[][] Confusion) Run(
        IReadOnlyList<LabelledClip> clips, int windowColumns, ClassifierSection classifier, Func<LabelledClip, int, (int Winner, short[] Scores)> classify)
    {
        int right = 0, windowsRight = 0, windows = 0;
        var confusion = Labels.All.Select(_ => new int[Labels.All.Count]).ToArray();
        foreach (var clip in clips)
        {
            var results = new List<(int, short[])>();
            for (var start = 0; start + windowColumns <= clip.Columns.Count; start += classifier.WindowHopColumns)
            {
                var r = classify(clip, start);
                if (r.Winner == clip.LabelIndex) windowsRight++;
                results.Add(r);
            }
            windows += results.Count;
            var winner = ScoreAggregation.Aggregate(classifier.Aggregation, results).Winner;
            if (winner == clip.LabelIndex) right++;
            if (winner >= 0) confusion[clip.LabelIndex][winner]++;
        }
        return (clips.Count == 0 ? 0 : (double)right / clips.Count, windows == 0 ? 0 : (double)windowsRight / windows, windows, confusion);
    }
}
