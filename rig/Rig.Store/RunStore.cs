using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rig.Core.Runs;
using Rig.Store.History;

namespace Rig.Store;

/// <summary>
/// SQLite store of runs and their clip results. Every call is one transaction and is durable when it
/// returns (WAL, synchronous=FULL), so a run killed midway loses at most the clip in flight and
/// <c>rig run --resume</c> continues from <see cref="CompletedClips"/>. The same schema serves the
/// per-run <c>run.db</c> and the history database. Not thread-safe: one instance per run.
/// </summary>
public sealed class RunStore : IDisposable
{
    public const string RunDbFileName = "run.db";

    private readonly SqliteConnection _connection;

    public string Path { get; }

    private RunStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    public static string RunDbPath(string runDir) => System.IO.Path.Combine(runDir, RunDbFileName);

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>.</summary>
    public static RunStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        // Pooling off: the file is really closed on Dispose, so a run directory can be moved or deleted.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        try
        {
            connection.Open();
            StoreSchema.Ensure(connection, full);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InvalidDataException($"{full}: not a usable run store ({e.Message})", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new RunStore(full, connection);
    }

    /// <summary>Records the start of a run. Calling it again for the same run (a resume) is allowed and returns the same id.</summary>
    public string BeginRun(RunHeader header) => Guard("begin the run", () => BeginRunCore(header));

    private string BeginRunCore(RunHeader header)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header.RunId);
        using var tx = _connection.BeginTransaction();
        var existing = FindRun(header.RunId, tx);
        if (existing is not null)
        {
            if (existing.ConfigHash != header.ConfigHash || existing.Profile != header.Profile)
                throw new InvalidDataException($"{Path}: run {header.RunId} was started with profile {existing.Profile} and config hash {existing.ConfigHash}; cannot continue it with profile {header.Profile} and config hash {header.ConfigHash}");
            tx.Commit();
            return existing.RunId;
        }
        using var cmd = Command(tx, """
            INSERT INTO runs (run_id, profile, mode, board, playlist, config_hash, started_at, planned_clips)
            VALUES ($id, $profile, $mode, $board, $playlist, $hash, $started, $planned)
            """);
        AddHeader(cmd, header);
        cmd.ExecuteNonQuery();
        tx.Commit();
        return header.RunId;
    }

    /// <summary>Stores one clip's result (replacing an earlier result for the same index) and commits it.</summary>
    public void RecordClip(string runId, ClipResult clip, ClipSamples? samples = null) => Guard($"record clip {clip.Index}", () =>
    {
        using var tx = _connection.BeginTransaction();
        if (FindRun(runId, tx) is null) throw new InvalidOperationException($"{Path}: run {runId} was not begun; call BeginRun first");
        HistoryRows.UpsertClip(_connection, tx, runId, clip);
        if (samples is not null) UpsertSamples(tx, runId, clip.Index, samples);
        tx.Commit();
        return 0;
    });

    /// <summary>
    /// The clips committed so far, each checked: its JSON parses, names the index of its row, and is a
    /// consistent clip (<see cref="RunInvariants.ClipViolations"/>). A row that fails is refused, never replayed over.
    /// </summary>
    public IReadOnlyList<ClipResult> CompletedClips(string runId) => Guard("read the committed clips", () =>
    {
        using var cmd = Command(null, "SELECT json, clip_index, name, label, predicted, mismatching_values FROM clips WHERE run_id = $id ORDER BY clip_index");
        cmd.Parameters.AddWithValue("$id", runId);
        using var reader = cmd.ExecuteReader();
        var clips = new List<ClipResult>();
        while (reader.Read())
        {
            var row = reader.GetInt64(1);
            var at = $"{Path}: clips row {row} of run {runId}";
            ClipResult? clip;
            try
            {
                clip = reader.IsDBNull(0) ? null : JsonSerializer.Deserialize<ClipResult>(reader.GetString(0), RunJson.Options);
            }
            catch (Exception e) when (e is JsonException or InvalidCastException or NotSupportedException)
            {
                throw new InvalidDataException($"{at}: json: not a clip result ({e.Message}); the store is damaged", e);
            }
            if (clip is null) throw new InvalidDataException($"{at}: json: empty");
            if (clip.Index != row) throw new InvalidDataException($"{at}: json.index: {clip.Index} does not match the row's clip_index {row}");
            if (clip.Name != Text(reader, 2) || clip.Label != Text(reader, 3) || clip.Predicted != Text(reader, 4) || reader.GetValue(5) is not long m || m != clip.MismatchingValues)
                throw new InvalidDataException($"{at}: name/label/predicted/mismatching_values disagree with the row's json; the store was edited or damaged");
            var violations = RunInvariants.ClipViolations(clip, "json");
            if (violations.Count > 0) throw new InvalidDataException($"{at}: {violations[0]}");
            clips.Add(clip);
        }
        return clips;
    });

    /// <summary>Raw cycle counts of committed clips (clips recorded without them are absent), keyed by clip index.</summary>
    public IReadOnlyDictionary<int, ClipSamples> CompletedSamples(string runId) => Guard("read the committed cycle counts", () =>
    {
        using var cmd = Command(null, "SELECT clip_index, json FROM clip_samples WHERE run_id = $id ORDER BY clip_index");
        cmd.Parameters.AddWithValue("$id", runId);
        using var reader = cmd.ExecuteReader();
        var samples = new Dictionary<int, ClipSamples>();
        while (reader.Read())
        {
            var row = reader.GetInt32(0);
            try
            {
                samples[row] = JsonSerializer.Deserialize<ClipSamples>(reader.GetString(1), RunJson.Options)
                               ?? throw new InvalidDataException($"{Path}: clip_samples row {row}: empty");
            }
            catch (Exception e) when (e is JsonException or InvalidCastException or NotSupportedException)
            {
                throw new InvalidDataException($"{Path}: clip_samples row {row}: not cycle counts ({e.Message}); the store is damaged", e);
            }
        }
        return samples;
    });

    /// <summary>SQLite's own page check; a store with a damaged page is refused before anything is trusted from it.</summary>
    public void CheckIntegrity() => Guard("check the store", () =>
    {
        using var cmd = Command(null, "PRAGMA quick_check");
        using var reader = cmd.ExecuteReader();
        var problems = new List<string>();
        while (reader.Read()) problems.Add(reader.GetString(0));
        if (problems is not ["ok"]) throw new InvalidDataException($"{Path}: damaged ({string.Join("; ", problems.Take(3))}); the run cannot be resumed from it");
        return 0;
    });

    public RunHeader? FindRun(string runId) => Guard("read the run", () => FindRun(runId, null));

    /// <summary>All runs in the store, oldest first.</summary>
    public IReadOnlyList<RunHeader> Runs() => Guard("read the runs", () =>
    {
        using var cmd = Command(null, "SELECT run_id, profile, mode, board, playlist, config_hash, started_at, planned_clips FROM runs ORDER BY started_at, run_id");
        using var reader = cmd.ExecuteReader();
        var runs = new List<RunHeader>();
        while (reader.Read()) runs.Add(ReadHeader(reader));
        return runs;
    });

    /// <summary>
    /// Stores the finished run: headline metrics, the run.json text, and every clip. Creates the run
    /// if it was never begun (the history database sees runs only at the end).
    /// </summary>
    public void FinishRun(RunResult run, string? runDir = null) => Guard("record the finished run", () =>
    {
        HistoryRows.Record(_connection, Path, run, runDir);
        return 0;
    });

    /// <summary>Runs of one profile (null: all) that went through FinishRun (complete or not), oldest first, at most <paramref name="limit"/> (the newest ones).</summary>
    public IReadOnlyList<RunSummary> History(string? profile, int limit = 50) => Guard("read the history", () => HistoryRows.History(_connection, Path, profile, limit));

    /// <summary>The newest complete run per profile and physical board.</summary>
    public IReadOnlyList<RunSummary> LatestPerBoard() => Guard("read the history", () => HistoryRows.LatestPerBoard(_connection, Path));

    /// <summary>Clip rows stored for a run.</summary>
    public int ClipRows(string runId) => Guard("count the clips", () => HistoryRows.ClipRows(_connection, runId));

    /// <summary>The stored run.json of a finished run, or null.</summary>
    public RunResult? FinishedRun(string runId) => Guard("read the finished run", () => HistoryRows.FinishedRun(_connection, Path, runId));

    public void Dispose() => _connection.Dispose();

    private RunHeader? FindRun(string runId, SqliteTransaction? tx)
    {
        using var cmd = Command(tx, "SELECT run_id, profile, mode, board, playlist, config_hash, started_at, planned_clips FROM runs WHERE run_id = $id");
        cmd.Parameters.AddWithValue("$id", runId);
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? ReadHeader(reader) : null;
    }

    private void UpsertSamples(SqliteTransaction tx, string runId, int index, ClipSamples samples)
    {
        using var cmd = Command(tx, """
            INSERT INTO clip_samples (run_id, clip_index, json) VALUES ($run, $index, $json)
            ON CONFLICT (run_id, clip_index) DO UPDATE SET json = excluded.json
            """);
        cmd.Parameters.AddWithValue("$run", runId);
        cmd.Parameters.AddWithValue("$index", index);
        cmd.Parameters.AddWithValue("$json", JsonSerializer.Serialize(samples, RunJson.Options));
        cmd.ExecuteNonQuery();
    }

    private static string? Text(SqliteDataReader r, int column) => r.IsDBNull(column) ? null : r.GetValue(column) as string;

    /// <summary>
    /// SQLite's refusals as the rig's: a full disk or an unwritable file is an IOException naming the store and what was
    /// being done (the clips committed before stay committed); a damaged file is an InvalidDataException.
    /// </summary>
    private T Guard<T>(string action, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26)
        {
            throw new InvalidDataException($"{Path}: damaged, cannot {action} ({e.Message})", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 13)
        {
            throw new IOException($"{Path}: disk full, cannot {action} ({e.Message}); the clips committed before are kept: free space and resume the run", e);
        }
        catch (SqliteException e)
        {
            throw new IOException($"{Path}: cannot {action} ({e.Message})", e);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new InvalidDataException($"{Path}: a value of the wrong type, cannot {action} ({e.Message}); the store was edited or damaged", e);
        }
    }

    private RunHeader ReadHeader(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), HistoryRows.Mode(Path, r.GetString(2)), r.GetString(3), r.GetString(4), r.GetString(5),
        DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture), r.GetInt32(7));

    private static void AddHeader(SqliteCommand cmd, RunHeader h)
    {
        cmd.Parameters.AddWithValue("$id", h.RunId);
        cmd.Parameters.AddWithValue("$profile", h.Profile);
        cmd.Parameters.AddWithValue("$mode", JsonNames.Of(h.Mode));
        cmd.Parameters.AddWithValue("$board", h.Board);
        cmd.Parameters.AddWithValue("$playlist", h.Playlist);
        cmd.Parameters.AddWithValue("$hash", h.ConfigHash);
        cmd.Parameters.AddWithValue("$started", HistoryRows.Time(h.StartedAt));
        cmd.Parameters.AddWithValue("$planned", h.PlannedClips);
    }

    private SqliteCommand Command(SqliteTransaction? tx, string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}
