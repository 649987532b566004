using Rig.Core.Runs;
using Rig.Store.History;

namespace Rig.Store.Sqlite;

/// <summary>The embedded history: a SQLite file (runs/history.db by default), the same store a run's run.db is.</summary>
public sealed class SqliteHistoryStore(RunStore store) : IHistoryStore
{
    public string Name => store.Path;

    public static SqliteHistoryStore Open(string path) => new(RunStore.Open(path));

    public void Record(RunResult run, string? runDir) => store.FinishRun(run, runDir);

    public IReadOnlyList<RunSummary> History(string? profile, int limit) => store.History(profile, limit);

    public IReadOnlyList<RunSummary> LatestPerBoard() => store.LatestPerBoard();

    public RunResult? FinishedRun(string runId) => store.FinishedRun(runId);

    public int ClipRows(string runId) => store.ClipRows(runId);

    public void Dispose() => store.Dispose();
}
