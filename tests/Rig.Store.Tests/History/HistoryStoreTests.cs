using Rig.Core.Runs;
using Rig.Store.History;
using Rig.Store.Tests.Support;

namespace Rig.Store.Tests.History;

/// <summary>What `rig run` writes and `rig history` reads, the same on the SQLite file and on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class HistoryStoreTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private IHistoryStore Open(string kind) => HistoryStores.OpenAt(StoreKind.NewLocation(kind, _tmp, postgres.Server));

    [Theory]
    [MemberData(nameof(StoreKind.Both), MemberType = typeof(StoreKind))]
    public void A_recorded_run_comes_back_with_its_host_board_and_figures(string kind)
    {
        using var store = Open(kind);
        var run = FarmRuns.Make(_tmp, 1, "rig-a") with { BoardUid = "E660C0D1C7A42B2F" };
        store.Record(run, _tmp.Sub("run-1"));
        var row = Assert.Single(store.History("py32f003", 10));
        Assert.Equal((run.RunId, "rig-a", run.Board, "E660C0D1C7A42B2F", FarmRuns.ReferenceClips), (row.RunId, row.Host, row.Board, row.BoardUid, row.Clips));
        Assert.Equal(RunMetrics.From(run), row.Metrics);
        Assert.Equal(run.StartedAt, row.StartedAt);
        Assert.Equal(FarmRuns.ReferenceClips, store.ClipRows(run.RunId));
        Assert.Equal(run.Clips.Select(c => c.Predicted), store.FinishedRun(run.RunId)!.Clips.Select(c => c.Predicted));
        Assert.Empty(store.History("stm32l4", 10));
    }

    [Theory]
    [MemberData(nameof(StoreKind.Both), MemberType = typeof(StoreKind))]
    public void A_run_with_model_mismatches_keeps_them_next_to_its_feature_mismatches(string kind)
    {
        using var store = Open(kind);
        var run = FarmRuns.Make(_tmp, 5, "rig-a", clips: 4, modelMismatchClips: 2);
        store.Record(run, null);
        var row = Assert.Single(store.History(null, 10)).Metrics;
        Assert.True(run.ModelMismatches > 0);
        Assert.Equal((run.FeatureMismatches, run.ModelMismatches), (row.FeatureMismatches, row.ModelMismatches));
        Assert.Equal(run.ModelMismatches, Assert.Single(store.LatestPerBoard()).Metrics.ModelMismatches);
    }

    [Theory]
    [MemberData(nameof(StoreKind.Both), MemberType = typeof(StoreKind))]
    public void Recording_a_run_again_duplicates_nothing(string kind)
    {
        using var store = Open(kind);
        var run = FarmRuns.Make(_tmp, 2, "rig-a");
        store.Record(run, null);
        store.Record(run with { Accuracy = 0.5 }, null);
        var row = Assert.Single(store.History(null, 10));
        Assert.Equal(50, row.Metrics.AccuracyPercent, 9);
        Assert.Equal(FarmRuns.ReferenceClips, store.ClipRows(run.RunId));
    }

    [Theory]
    [MemberData(nameof(StoreKind.Both), MemberType = typeof(StoreKind))]
    public void History_keeps_the_newest_runs_oldest_first_per_profile_or_all(string kind)
    {
        using var store = Open(kind);
        var runs = Enumerable.Range(10, 5).Select(s => FarmRuns.Make(_tmp, s, "rig-a", clips: 3, profile: s == 12 ? "stm32l4" : "py32f003")).ToList();
        foreach (var r in runs.AsEnumerable().Reverse()) store.Record(r, null);
        Assert.Equal([runs[3].RunId, runs[4].RunId], store.History("py32f003", 2).Select(r => r.RunId));
        Assert.Equal(runs.Select(r => r.RunId), store.History(null, 50).Select(r => r.RunId));
    }

    [Theory]
    [MemberData(nameof(StoreKind.Both), MemberType = typeof(StoreKind))]
    public void The_latest_complete_run_of_every_physical_board_across_hosts(string kind)
    {
        using var store = Open(kind);
        // rig-a: two runs on one port (the newer wins), one unfinished newer still (ignored); rig-b: same port name, another board.
        var oldA = FarmRuns.Make(_tmp, 20, "rig-a", clips: 3);
        var newA = FarmRuns.Make(_tmp, 21, "rig-a", clips: 3);
        var unfinishedA = FarmRuns.Make(_tmp, 22, "rig-a", clips: 3) with { Complete = false };
        var b = FarmRuns.Make(_tmp, 23, "rig-b", clips: 3);
        var bOther = FarmRuns.Make(_tmp, 24, "rig-b", clips: 3) with { BoardUid = "0123ABCD" };
        var stm = FarmRuns.Make(_tmp, 25, "rig-b", board: "serial:/dev/ttyACM1", profile: "stm32l4", clips: 3);
        foreach (var r in new[] { newA, oldA, unfinishedA, b, bOther, stm }) store.Record(r, null);
        var latest = store.LatestPerBoard();
        Assert.Equal(new[] { newA.RunId, b.RunId, bOther.RunId, stm.RunId }.Order(StringComparer.Ordinal), latest.Select(r => r.RunId).Order(StringComparer.Ordinal));
        Assert.All(latest, r => Assert.True(r.Complete));
    }
}
