using Rig.Store;

namespace Rig.Runs.Orchestration;

/// <summary>
/// `rig run --resume &lt;run dir&gt;`: reads the run store(s) of a stopped run (one run.db in the folder,
/// or one per board sub-folder) and rebuilds the options it was started with, so only the clips
/// that were not committed are played.
/// </summary>
public static class ResumePlan
{
    /// <param name="boardsGiven">The user named --board: it must be the run's boards (a board's clips never continue on another device).</param>
    public static RunOptions Load(string runDir, RunOptions overrides, bool boardsGiven = false)
    {
        if (!Directory.Exists(runDir)) throw new DirectoryNotFoundException($"--resume {runDir}: no such run directory");
        var single = RunStore.RunDbPath(runDir);
        var dbs = File.Exists(single)
            ? [single]
            : Directory.EnumerateDirectories(runDir).Select(RunStore.RunDbPath).Where(File.Exists).Order(StringComparer.Ordinal).ToList();
        if (dbs.Count == 0) throw new InvalidDataException($"--resume {runDir}: no run.db here or in its sub-folders (was it written by `rig run`?)");
        var headers = new List<RunHeader>();
        foreach (var db in dbs)
        {
            using var store = RunStore.Open(db);
            store.CheckIntegrity();
            var runs = store.Runs();
            if (runs.Count != 1) throw new InvalidDataException($"{db}: runs: expected one run, found {runs.Count} ({string.Join(", ", runs.Select(r => r.RunId))}); a run store holds one run, this one was edited or merged");
            headers.Add(runs[0]);
        }
        var h = headers[0];
        if (headers.Any(x => x.Profile != h.Profile || x.Mode != h.Mode || x.Playlist != h.Playlist))
            throw new InvalidDataException($"--resume {runDir}: the boards' stores disagree on profile, mode or playlist");
        var stored = headers.Select(x => BoardTarget.Parse(x.Board)).ToList();
        if (boardsGiven && !overrides.Boards.SequenceEqual(stored))
            throw new ArgumentException($"--resume {runDir}: the run was played on {string.Join(", ", stored)}, but --board says {string.Join(", ", overrides.Boards)}; "
                                        + "a resumed run continues on its own boards (leave out --board), or start a new run for other boards");
        return overrides with
        {
            Profile = h.Profile,
            Mode = h.Mode,
            Playlist = h.Playlist,
            Boards = stored,
            OutDir = runDir,
            Resume = true,
            ResumedRuns = headers,
        };
    }
}
