using Rig.Core.Config;
using Rig.Core.Profiles;
using Rig.Reports.Gating;
using Rig.Store.History;

namespace Rig.Reports.History;

/// <summary>
/// `rig history --all-hosts`: the newest complete run of every profile on every physical board (host, port, board ID)
/// in the store, each gated as `rig gate` would gate it now: against reports/baselines/&lt;profile&gt;.json under the
/// profile's gate: limits. A run that cannot be gated (no baseline, a profile since removed) says why instead.
/// </summary>
public static class FarmLatest
{
    public const string NoBaseline = "no baseline";

    public static IReadOnlyList<FarmBoard> Read(IHistoryStore store, string? baselineDir = null) =>
        store.LatestPerBoard().Select(run => Gate(store, run, baselineDir)).ToList();

    private static FarmBoard Gate(IHistoryStore store, Rig.Store.RunSummary summary, string? baselineDir)
    {
        var path = baselineDir is null ? BaselineFile.DefaultPath(summary.Profile) : Path.Combine(baselineDir, summary.Profile + ".json");
        if (!File.Exists(path)) return new FarmBoard(summary, NoBaseline, $"{path} does not exist (rig baseline accept makes one)");
        try
        {
            var run = store.FinishedRun(summary.RunId) ?? throw new InvalidDataException($"{store.Name}: run {summary.RunId} has no stored run.json");
            var result = GateChecks.Check(BaselineFile.Read(path), run, ProfileCatalog.Load(summary.Profile).Gate);
            var why = result.Checks.Where(c => c.Verdict is GateVerdict.Regression or GateVerdict.CannotCompare).Select(c => $"{c.Name}: {c.Reason}");
            return new FarmBoard(summary, result.Summary, string.Join("; ", why));
        }
        catch (Exception e) when (e is InvalidDataException or ConfigException or FileNotFoundException)
        {
            return new FarmBoard(summary, "cannot compare", e.Message);
        }
    }
}
