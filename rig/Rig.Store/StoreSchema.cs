using Microsoft.Data.Sqlite;

namespace Rig.Store;

/// <summary>
/// The tables of a run store; <c>PRAGMA user_version</c> records the schema so a newer file is refused and an older
/// one is migrated. Version 2: "not measured" is NULL in the headline columns, never 0.
/// </summary>
internal static class StoreSchema
{
    public const int Version = 2;

    /// <summary>
    /// Version 1 stored 0 for figures nobody measured: the cycle medians of a run without cycle counts (an empty
    /// distribution) and RAM/flash of 0 bytes (no image has none). They become NULL, as RunMetrics has them.
    /// </summary>
    private const string NotMeasuredAsNull = """
        UPDATE runs SET frontend_cycles_median = NULL
            WHERE frontend_cycles_median = 0 AND COALESCE(json_extract(run_json, '$.cycles.frontendPerColumn.count'), 0) = 0;
        UPDATE runs SET model_cycles_median = NULL
            WHERE model_cycles_median = 0 AND COALESCE(json_extract(run_json, '$.cycles.modelPerInference.count'), 0) = 0;
        UPDATE runs SET ram_bytes = NULL WHERE ram_bytes = 0;
        UPDATE runs SET flash_bytes = NULL WHERE flash_bytes = 0;
        """;

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS runs (
            run_id TEXT PRIMARY KEY,
            profile TEXT NOT NULL,
            mode TEXT NOT NULL,
            board TEXT NOT NULL,
            playlist TEXT NOT NULL,
            config_hash TEXT NOT NULL,
            started_at TEXT NOT NULL,
            planned_clips INTEGER NOT NULL,
            finished_at TEXT,
            complete INTEGER NOT NULL DEFAULT 0,
            accuracy REAL,
            feature_mismatches INTEGER,
            cycle_unit TEXT,
            frontend_cycles_median REAL,
            model_cycles_median REAL,
            energy_uj REAL,
            ram_bytes INTEGER,
            flash_bytes INTEGER,
            clip_count INTEGER,
            run_dir TEXT,
            run_json TEXT
        );
        CREATE INDEX IF NOT EXISTS runs_profile ON runs(profile, started_at);
        CREATE TABLE IF NOT EXISTS clips (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            clip_index INTEGER NOT NULL,
            name TEXT NOT NULL,
            label TEXT NOT NULL,
            predicted TEXT NOT NULL,
            mismatching_values INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (run_id, clip_index)
        );
        CREATE TABLE IF NOT EXISTS clip_samples (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            clip_index INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (run_id, clip_index)
        );
        """;

    public static void Ensure(SqliteConnection connection, string path)
    {
        using (var pragma = connection.CreateCommand())
        {
            // WAL + FULL: a committed clip survives the process being killed right after RecordClip returns.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";
            pragma.ExecuteNonQuery();
        }
        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        var found = Convert.ToInt32(version.ExecuteScalar());
        if (found > Version) throw new InvalidDataException($"{path}: run store schema version {found} is newer than this rig understands ({Version}); update the rig");
        using var tx = connection.BeginTransaction();
        using var ddl = connection.CreateCommand();
        ddl.Transaction = tx;
        ddl.CommandText = Ddl + (found < 2 ? NotMeasuredAsNull : "") + $"PRAGMA user_version = {Version};";
        ddl.ExecuteNonQuery();
        tx.Commit();
    }
}
