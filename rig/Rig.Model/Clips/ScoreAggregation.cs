using Rig.Core;

namespace Rig.Model.Clips;

/// <summary>
/// Combines per-window results into one clip decision, as the profile's classifier.aggregation says:
/// "mean" takes the highest floor-mean Q15 score; "vote" takes the label that won most windows, ties
/// broken by the higher mean score. Remaining ties go to the lower label index.
/// </summary>
public static class ScoreAggregation
{
    public static (int[] Scores, int Winner) Aggregate(string aggregation, IReadOnlyList<(int Winner, short[] Scores)> windows)
    {
        var classes = Labels.All.Count;
        var mean = new int[classes];
        if (windows.Count == 0) return (mean, -1);
        var sums = new long[classes];
        var votes = new int[classes];
        foreach (var (winner, scores) in windows)
        {
            for (var c = 0; c < classes; c++) sums[c] += scores[c];
            if (winner >= 0) votes[winner]++;
        }
        for (var c = 0; c < classes; c++) mean[c] = (int)(sums[c] / windows.Count);
        var best = 0;
        for (var c = 1; c < classes; c++)
        {
            var better = aggregation switch
            {
                "mean" => mean[c] > mean[best],
                "vote" => votes[c] > votes[best] || (votes[c] == votes[best] && mean[c] > mean[best]),
                _ => throw new ArgumentException($"unknown aggregation '{aggregation}' (mean or vote)", nameof(aggregation)),
            };
            if (better) best = c;
        }
        return (mean, best);
    }
}
