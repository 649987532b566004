using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rig.Core.Runs;

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
        UpsertClip(tx, runId, clip);
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
        using var tx = _connection.BeginTransaction();
        var header = new RunHeader(run.RunId, run.Profile, run.Mode, run.Board, run.Playlist, run.ConfigHash, run.StartedAt, run.Clips.Count);
        var existing = FindRun(run.RunId, tx);
        if (existing is null)
        {
            using var insert = Command(tx, """
                INSERT INTO runs (run_id, profile, mode, board, playlist, config_hash, started_at, planned_clips)
                VALUES ($id, $profile, $mode, $board, $playlist, $hash, $started, $planned)
                """);
            AddHeader(insert, header);
            insert.ExecuteNonQuery();
        }
        else if (existing.ConfigHash != run.ConfigHash || existing.Profile != run.Profile)
        {
            throw new InvalidDataException($"{Path}: run {run.RunId} is recorded with profile {existing.Profile} and config hash {existing.ConfigHash}, not {run.Profile} and {run.ConfigHash}");
        }
        using var update = Command(tx, """
            UPDATE runs SET finished_at = $finished, complete = $complete, accuracy = $accuracy,
                feature_mismatches = $mismatches, cycle_unit = $unit, frontend_cycles_median = $fe,
                model_cycles_median = $model, energy_uj = $energy, ram_bytes = $ram, flash_bytes = $flash,
                clip_count = $clips, run_dir = COALESCE($dir, run_dir), run_json = $json, mode = $mode, board = $board
            WHERE run_id = $id
            """);
        // The history keeps what the gate compares: one computation (RunMetrics), nulls for what was not measured.
        var m = RunMetrics.From(run);
        update.Parameters.AddWithValue("$id", run.RunId);
        update.Parameters.AddWithValue("$finished", (object?)run.FinishedAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? DBNull.Value);
        update.Parameters.AddWithValue("$complete", run.Complete ? 1 : 0);
        update.Parameters.AddWithValue("$accuracy", run.Accuracy);
        update.Parameters.AddWithValue("$mismatches", run.FeatureMismatches);
        update.Parameters.AddWithValue("$unit", m.CycleUnit is { } unit ? JsonNames.Of(unit) : DBNull.Value);
        update.Parameters.AddWithValue("$fe", (object?)m.FrontendCyclesMedian ?? DBNull.Value);
        update.Parameters.AddWithValue("$model", (object?)m.ModelCyclesMedian ?? DBNull.Value);
        update.Parameters.AddWithValue("$energy", (object?)m.EnergyPerInferenceUj ?? DBNull.Value);
        update.Parameters.AddWithValue("$ram", (object?)m.RamBytes ?? DBNull.Value);
        update.Parameters.AddWithValue("$flash", (object?)m.FlashBytes ?? DBNull.Value);
        update.Parameters.AddWithValue("$clips", run.Clips.Count);
        update.Parameters.AddWithValue("$dir", (object?)(runDir is null ? null : System.IO.Path.GetFullPath(runDir)) ?? DBNull.Value);
        update.Parameters.AddWithValue("$json", JsonSerializer.Serialize(run, RunJson.Options));
        update.Parameters.AddWithValue("$mode", JsonNames.Of(run.Mode));
        update.Parameters.AddWithValue("$board", run.Board);
        update.ExecuteNonQuery();
        foreach (var clip in run.Clips) UpsertClip(tx, run.RunId, clip);
        tx.Commit();
        return 0;
    });

    /// <summary>Runs of one profile that went through FinishRun (complete or not), oldest first, at most <paramref name="limit"/> (the newest ones).</summary>
    public IReadOnlyList<RunSummary> History(string profile, int limit = 50) => Guard("read the history", () =>
    {
        using var cmd = Command(null, """
            SELECT * FROM (
                SELECT run_id, profile, started_at, mode, board, config_hash, complete, accuracy, feature_mismatches,
                       cycle_unit, frontend_cycles_median, model_cycles_median, energy_uj, ram_bytes, flash_bytes,
                       clip_count, run_dir, json_extract(run_json, '$.cycles.clock'), json_extract(run_json, '$.power.clock')
                FROM runs WHERE profile = $profile AND run_json IS NOT NULL
                ORDER BY started_at DESC, run_id DESC LIMIT $limit)
            ORDER BY started_at, run_id
            """);
        cmd.Parameters.AddWithValue("$profile", profile);
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var rows = new List<RunSummary>();
        while (r.Read())
        {
            var metrics = new RunMetrics(
                (r.IsDBNull(7) ? 0 : r.GetDouble(7)) * 100, r.IsDBNull(8) ? 0 : r.GetInt64(8),
                Unit(r.IsDBNull(9) ? null : r.GetString(9)),
                r.IsDBNull(10) ? null : r.GetDouble(10), r.IsDBNull(11) ? null : r.GetDouble(11),
                r.IsDBNull(12) ? null : r.GetDouble(12),
                r.IsDBNull(13) ? null : r.GetInt32(13), r.IsDBNull(14) ? null : r.GetInt32(14))
            {
                CycleClock = r.IsDBNull(9) ? null : ClockOf(r.IsDBNull(17) ? null : r.GetString(17)) ?? MeasurementClocks.FromCycleUnit(Unit(r.GetString(9))!.Value),
                EnergyClock = r.IsDBNull(12) ? null
                    : ClockOf(r.IsDBNull(18) ? null : r.GetString(18)) ?? ClockOf(r.IsDBNull(17) ? null : r.GetString(17))
                      ?? (Unit(r.IsDBNull(9) ? null : r.GetString(9)) is { } unit ? MeasurementClocks.FromCycleUnit(unit) : MeasurementClock.Host),
            };
            rows.Add(new RunSummary(
                r.GetString(0), r.GetString(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
                Mode(r.GetString(3)), r.GetString(4), r.GetString(5), r.GetInt32(6) != 0,
                r.IsDBNull(15) ? 0 : r.GetInt32(15), r.IsDBNull(16) ? null : r.GetString(16), metrics));
        }
        return rows;
    });

    private static MeasurementClock? ClockOf(string? name) => JsonNames.Parse<MeasurementClock>(name);

    /// <summary>runs.cycle_unit as written (mcu-cycles, host-cycles); null when not measured.</summary>
    private CycleUnit? Unit(string? text) => text is null ? null
        : JsonNames.Parse<CycleUnit>(text) ?? throw new InvalidDataException($"{Path}: runs.cycle_unit: '{text}' is not {string.Join(" or ", JsonNames.All<CycleUnit>())}; the store was edited or damaged");

    /// <summary>The stored run.json of a finished run, or null.</summary>
    public RunResult? FinishedRun(string runId) => Guard("read the finished run", () =>
    {
        using var cmd = Command(null, "SELECT run_json FROM runs WHERE run_id = $id AND run_json IS NOT NULL");
        cmd.Parameters.AddWithValue("$id", runId);
        try
        {
            return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<RunResult>(json, RunJson.Options) : null;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Path}: runs.run_json of run {runId}: not a run result ({e.Message}); the store is damaged", e);
        }
    });

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

    private void UpsertClip(SqliteTransaction tx, string runId, ClipResult clip)
    {
        using var cmd = Command(tx, """
            INSERT INTO clips (run_id, clip_index, name, label, predicted, mismatching_values, json)
            VALUES ($run, $index, $name, $label, $predicted, $mismatches, $json)
            ON CONFLICT (run_id, clip_index) DO UPDATE SET name = excluded.name, label = excluded.label,
                predicted = excluded.predicted, mismatching_values = excluded.mismatching_values, json = excluded.json
            """);
        cmd.Parameters.AddWithValue("$run", runId);
        cmd.Parameters.AddWithValue("$index", clip.Index);
        cmd.Parameters.AddWithValue("$name", clip.Name);
        cmd.Parameters.AddWithValue("$label", clip.Label);
        cmd.Parameters.AddWithValue("$predicted", clip.Predicted);
        cmd.Parameters.AddWithValue("$mismatches", clip.MismatchingValues);
        cmd.Parameters.AddWithValue("$json", JsonSerializer.Serialize(clip, RunJson.Options));
        cmd.ExecuteNonQuery();
    }

    private RunHeader ReadHeader(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), Mode(r.GetString(2)), r.GetString(3), r.GetString(4), r.GetString(5),
        DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture), r.GetInt32(7));

    /// <summary>runs.mode as written (inject, acoustic); anything else is a damaged or edited store.</summary>
    private RunMode Mode(string text) => JsonNames.Parse<RunMode>(text)
        ?? throw new InvalidDataException($"{Path}: runs.mode: '{text}' is not {string.Join(" or ", JsonNames.All<RunMode>())}; the store was edited or damaged");

    private static void AddHeader(SqliteCommand cmd, RunHeader h)
    {
        cmd.Parameters.AddWithValue("$id", h.RunId);
        cmd.Parameters.AddWithValue("$profile", h.Profile);
        cmd.Parameters.AddWithValue("$mode", JsonNames.Of(h.Mode));
        cmd.Parameters.AddWithValue("$board", h.Board);
        cmd.Parameters.AddWithValue("$playlist", h.Playlist);
        cmd.Parameters.AddWithValue("$hash", h.ConfigHash);
        cmd.Parameters.AddWithValue("$started", h.StartedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
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
