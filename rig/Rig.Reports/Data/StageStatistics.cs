using Rig.Core.Runs;
using Rig.Plots;

namespace Rig.Reports.Data;

/// <summary>Per-stage cycles across clips: median of the clips' medians, the largest p95 and the largest max.</summary>
public static class StageStatistics
{
    public static IReadOnlyList<StageCycles> From(IReadOnlyList<ClipResult> clips)
    {
        var order = new List<string>();
        var byStage = new Dictionary<string, List<Distribution>>(StringComparer.Ordinal);
        foreach (var clip in clips)
            foreach (var (stage, d) in clip.CyclesPerStage)
            {
                if (d.Count == 0) continue;
                if (!byStage.TryGetValue(stage, out var list))
                {
                    byStage[stage] = list = [];
                    order.Add(stage);
                }
                list.Add(d);
            }
        return order.Select(stage =>
        {
            var list = byStage[stage];
            var median = Distribution.Of(list.Select(d => d.Median).ToList()).Median;
            return new StageCycles(stage, median, list.Max(d => d.P95), list.Max(d => d.Max));
        }).ToList();
    }
}
