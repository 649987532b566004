using Rig.Store.History;
using Rig.Store.Tests.Support;

namespace Rig.Store.Tests.History;

/// <summary>
/// The history server restarts in the middle of a run: the run's clips go to its own run.db as they come, the history
/// gets the finished run when the server is back (waited for, bounded) or later by `rig history --sync`; nothing is lost
/// and syncing twice duplicates nothing. These tests stop their own throw-away cluster, never a given one.
/// </summary>
public sealed class ServerRestartTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private readonly PostgresServer _server = PostgresServer.StartOwn();

    public void Dispose()
    {
        _server.Dispose();
        _tmp.Dispose();
    }

    /// <summary>Plays a run into its run.db clip by clip, calling <paramref name="atClip"/> before each; returns the run folder.</summary>
    private (Rig.Core.Runs.RunResult Run, string Dir) PlayLocally(Action<int> atClip)
    {
        var run = FarmRuns.Make(_tmp, 60, "rig-a");
        var dir = _tmp.Sub("run-60");
        using var local = RunStore.Open(RunStore.RunDbPath(dir));
        local.BeginRun(new RunHeader(run.RunId, run.Profile, run.Mode, run.Board, run.Playlist, run.ConfigHash, run.StartedAt, run.Clips.Count));
        foreach (var clip in run.Clips)
        {
            atClip(clip.Index);
            local.RecordClip(run.RunId, clip);
        }
        local.FinishRun(run, dir);
        return (run, dir);
    }

    [Fact]
    public void A_restart_mid_run_loses_nothing_and_the_history_gets_the_run_once_the_server_is_back()
    {
        var url = _server.CreateDatabase();
        using (HistoryStores.OpenAt(url)) { }   // what `rig run` checks before its first clip
        string? refusal = null;
        var (run, dir) = PlayLocally(i =>
        {
            if (i == 20) _server.Stop();
            if (i == 30) refusal = Assert.Throws<StoreUnavailableException>(() => HistoryStores.OpenAt(url).Dispose()).Message;
            if (i == 40) _server.StartServer();
        });
        Assert.StartsWith(Rig.Store.Postgres.PostgresAddress.Parse(url).Display + ": cannot reach the history server", refusal);

        HistorySync.Record(url, run, dir, TimeProvider.System, TimeSpan.FromSeconds(30));
        using var store = HistoryStores.OpenAt(url);
        Assert.Equal(run.RunId, Assert.Single(store.History(null, 10)).RunId);
        Assert.Equal(FarmRuns.ReferenceClips, store.ClipRows(run.RunId));
    }

    [Fact]
    public async Task The_finishing_run_waits_for_a_server_that_comes_back()
    {
        var url = _server.CreateDatabase();
        var (run, dir) = PlayLocally(_ => { });
        _server.Stop();
        var back = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            _server.StartServer();
        });
        HistorySync.Record(url, run, dir, TimeProvider.System, TimeSpan.FromSeconds(60));
        await back.WaitAsync(TimeSpan.FromSeconds(60));
        using var store = HistoryStores.OpenAt(url);
        Assert.Equal(FarmRuns.ReferenceClips, store.ClipRows(run.RunId));
    }

    [Fact]
    public void A_server_still_down_at_the_end_leaves_the_run_local_and_a_later_sync_records_it_once()
    {
        var url = _server.CreateDatabase();
        var (run, dir) = PlayLocally(_ => { });
        _server.Stop();
        var e = Assert.Throws<StoreUnavailableException>(() => HistorySync.Record(url, run, dir, TimeProvider.System, TimeSpan.FromSeconds(2)));
        Assert.Contains($"the run's results are kept in {dir}", e.Message);
        Assert.Contains($"rig history --sync {dir}", e.Message);
        Assert.Equal(FarmRuns.ReferenceClips, HistorySync.FinishedRuns(dir).Single().Run.Clips.Count);

        _server.StartServer();
        using var store = HistoryStores.OpenAt(url);
        HistorySync.Sync(dir, store);
        HistorySync.Sync(dir, store);
        Assert.Equal(run.RunId, Assert.Single(store.History(null, 10)).RunId);
        Assert.Equal(FarmRuns.ReferenceClips, store.ClipRows(run.RunId));
    }
}
