using Rig.Core.Runs;

namespace Rig.Store.History;

/// <summary>
/// The run history every `rig run` of a host (or of a whole farm) writes and `rig history` reads: an embedded SQLite
/// file (<see cref="Sqlite.SqliteHistoryStore"/>, the default) or a shared PostgreSQL database
/// (<see cref="Postgres.PostgresHistoryStore"/>). Both hold the same schema (<see cref="Schema.SchemaSteps"/>).
/// A store that cannot be used throws an exception whose message names it and says what to do:
/// <see cref="StoreUnavailableException"/> when it may come back (server down), <see cref="InvalidDataException"/>
/// when it will not (bad credentials, a newer schema, a damaged file).
/// </summary>
public interface IHistoryStore : IDisposable
{
    /// <summary>What the user named: the file path, or the server URL without its password.</summary>
    string Name { get; }

    /// <summary>Records a finished run and its clips in one transaction; recording the same run again replaces it (no duplicate).</summary>
    void Record(RunResult run, string? runDir);

    /// <summary>Finished runs of <paramref name="profile"/> (null: every profile), oldest first, the newest <paramref name="limit"/>.</summary>
    IReadOnlyList<RunSummary> History(string? profile, int limit);

    /// <summary>The newest complete run of every profile on every physical board (host, port, board ID) in the store.</summary>
    IReadOnlyList<RunSummary> LatestPerBoard();

    /// <summary>The stored run.json of a finished run, or null.</summary>
    RunResult? FinishedRun(string runId);

    /// <summary>Clip rows stored for a run (what a sync or a concurrent writer must neither lose nor duplicate).</summary>
    int ClipRows(string runId);
}
