using Rig.Core.Runs;

namespace Rig.Store.History;

/// <summary>
/// A run's clips are committed to its own run.db as they come; the history gets the finished run afterwards. A server
/// that is down (restarting) is waited for, bounded; if it stays away the run keeps everything locally and
/// `rig history --sync &lt;run dir&gt;` records it later. Recording is an upsert: syncing twice duplicates nothing.
/// </summary>
public static class HistorySync
{
    /// <summary>First wait between attempts; doubled each time up to <see cref="s_maxDelay"/>.</summary>
    private static readonly TimeSpan s_firstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_maxDelay = TimeSpan.FromSeconds(8);

    /// <summary>Opens the store and records <paramref name="run"/>, retrying for at most <paramref name="wait"/> while the store is unreachable.</summary>
    public static void Record(string location, RunResult run, string runDir, TimeProvider time, TimeSpan wait)
    {
        var start = time.GetTimestamp();
        var delay = s_firstDelay;
        while (true)
        {
            try
            {
                using var store = HistoryStores.OpenAt(location);
                store.Record(run, runDir);
                return;
            }
            catch (StoreUnavailableException e)
            {
                if (time.GetElapsedTime(start) + delay > wait)
                    throw new StoreUnavailableException($"{e.Message}; the run's results are kept in {runDir} (run.json, run.db); "
                                                        + $"record them when the server is back: rig history --sync {runDir} --store <the same store>", e);
                Task.Delay(delay, time).Wait();
                delay = delay * 2 > s_maxDelay ? s_maxDelay : delay * 2;
            }
        }
    }

    /// <summary>The finished runs kept in a run folder: its run.db, or one per board in its sub folders (a multi-board run).</summary>
    public static IReadOnlyList<(RunResult Run, string RunDir)> FinishedRuns(string runDir)
    {
        var single = RunStore.RunDbPath(runDir);
        var dbs = File.Exists(single) ? [single]
            : Directory.Exists(runDir) ? Directory.EnumerateDirectories(runDir).Select(RunStore.RunDbPath).Where(File.Exists).Order(StringComparer.Ordinal).ToList()
            : throw new DirectoryNotFoundException($"{runDir}: no such run folder");
        if (dbs.Count == 0) throw new InvalidDataException($"{runDir}: no {RunStore.RunDbFileName} here or in its board folders; not a run folder");
        var runs = new List<(RunResult, string)>();
        foreach (var db in dbs)
        {
            using var local = RunStore.Open(db);
            foreach (var header in local.Runs())
            {
                var run = local.FinishedRun(header.RunId);
                if (run is not { Complete: true })
                    throw new InvalidDataException($"{db}: run {header.RunId} did not finish; complete it with `rig run --resume {runDir}` (the history keeps finished runs only)");
                runs.Add((run, Path.GetDirectoryName(db)!));
            }
        }
        return runs;
    }

    /// <summary>Records every finished run of <paramref name="runDir"/> in <paramref name="store"/>; returns them.</summary>
    public static IReadOnlyList<RunResult> Sync(string runDir, IHistoryStore store)
    {
        var runs = FinishedRuns(runDir);
        foreach (var (run, dir) in runs) store.Record(run, dir);
        return runs.Select(r => r.Run).ToList();
    }
}
