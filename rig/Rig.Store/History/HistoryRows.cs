using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Rig.Core.Runs;
using Rig.Store.Schema;

namespace Rig.Store.History;

/// <summary>
/// The history's reads and writes, written once for both stores (plain SQL both understand: @parameters,
/// ON CONFLICT upserts, window functions). Callers translate their database's exceptions.
/// </summary>
internal static class HistoryRows
{
    private const string SummaryColumns = """
        run_id, profile, started_at, mode, board, config_hash, complete, accuracy, feature_mismatches,
        cycle_unit, frontend_cycles_median, model_cycles_median, energy_uj, ram_bytes, flash_bytes,
        clip_count, run_dir, cycle_clock, energy_clock, host, board_uid, model_mismatches
        """;

    /// <summary>
    /// Stores the finished run: headline metrics, the run.json text, host and board identity, and every clip. Creates the
    /// run if it was never begun; a run recorded again (a sync after a failed attempt) is updated in place.
    /// </summary>
    public static void Record(DbConnection connection, string store, RunResult run, string? runDir)
    {
        using var tx = connection.BeginTransaction();
        using (var insert = Command(connection, tx, """
            INSERT INTO runs (run_id, profile, mode, board, playlist, config_hash, started_at, planned_clips)
            VALUES (@id, @profile, @mode, @board, @playlist, @hash, @started, @planned)
            ON CONFLICT (run_id) DO NOTHING
            """))
        {
            Parameters.Add(insert, "id", run.RunId);
            Parameters.Add(insert, "profile", run.Profile);
            Parameters.Add(insert, "mode", JsonNames.Of(run.Mode));
            Parameters.Add(insert, "board", run.Board);
            Parameters.Add(insert, "playlist", run.Playlist);
            Parameters.Add(insert, "hash", run.ConfigHash);
            Parameters.Add(insert, "started", Time(run.StartedAt));
            Parameters.Add(insert, "planned", run.Clips.Count);
            insert.ExecuteNonQuery();
        }
        using (var check = Command(connection, tx, "SELECT profile, config_hash FROM runs WHERE run_id = @id"))
        {
            Parameters.Add(check, "id", run.RunId);
            using var r = check.ExecuteReader();
            r.Read();
            if (r.GetString(0) != run.Profile || r.GetString(1) != run.ConfigHash)
                throw new InvalidDataException($"{store}: run {run.RunId} is recorded with profile {r.GetString(0)} and config hash {r.GetString(1)}, not {run.Profile} and {run.ConfigHash}");
        }
        using (var update = Command(connection, tx, """
            UPDATE runs SET finished_at = @finished, complete = @complete, accuracy = @accuracy,
                feature_mismatches = @mismatches, model_mismatches = @modelMismatches, cycle_unit = @unit, frontend_cycles_median = @fe,
                model_cycles_median = @model, energy_uj = @energy, ram_bytes = @ram, flash_bytes = @flash,
                clip_count = @clips, run_dir = COALESCE(@dir, run_dir), run_json = @json, mode = @mode, board = @board,
                host = @host, board_uid = @uid, cycle_clock = @cycleClock, energy_clock = @energyClock
            WHERE run_id = @id
            """))
        {
            // The history keeps what the gate compares: one computation (RunMetrics), nulls for what was not measured.
            var m = RunMetrics.From(run);
            Parameters.Add(update, "id", run.RunId);
            Parameters.Add(update, "finished", run.FinishedAt is { } f ? Time(f) : null);
            Parameters.Add(update, "complete", run.Complete ? 1 : 0);
            Parameters.Add(update, "accuracy", run.Accuracy);
            Parameters.Add(update, "mismatches", m.FeatureMismatches);
            Parameters.Add(update, "modelMismatches", m.ModelMismatches);
            Parameters.Add(update, "unit", m.CycleUnit is { } unit ? JsonNames.Of(unit) : null);
            Parameters.Add(update, "fe", m.FrontendCyclesMedian);
            Parameters.Add(update, "model", m.ModelCyclesMedian);
            Parameters.Add(update, "energy", m.EnergyPerInferenceUj);
            Parameters.Add(update, "ram", m.RamBytes);
            Parameters.Add(update, "flash", m.FlashBytes);
            Parameters.Add(update, "clips", run.Clips.Count);
            Parameters.Add(update, "dir", runDir is null ? null : Path.GetFullPath(runDir));
            Parameters.Add(update, "json", JsonSerializer.Serialize(run, RunJson.Options));
            Parameters.Add(update, "mode", JsonNames.Of(run.Mode));
            Parameters.Add(update, "board", run.Board);
            Parameters.Add(update, "host", run.Host);
            Parameters.Add(update, "uid", run.BoardUid);
            Parameters.Add(update, "cycleClock", m.CycleClock is { } cc ? JsonNames.Of(cc) : null);
            Parameters.Add(update, "energyClock", m.EnergyClock is { } ec ? JsonNames.Of(ec) : null);
            update.ExecuteNonQuery();
        }
        foreach (var clip in run.Clips) UpsertClip(connection, tx, run.RunId, clip);
        tx.Commit();
    }

    public static void UpsertClip(DbConnection connection, DbTransaction tx, string runId, ClipResult clip)
    {
        using var cmd = Command(connection, tx, """
            INSERT INTO clips (run_id, clip_index, name, label, predicted, mismatching_values, json)
            VALUES (@run, @index, @name, @label, @predicted, @mismatches, @json)
            ON CONFLICT (run_id, clip_index) DO UPDATE SET name = excluded.name, label = excluded.label,
                predicted = excluded.predicted, mismatching_values = excluded.mismatching_values, json = excluded.json
            """);
        Parameters.Add(cmd, "run", runId);
        Parameters.Add(cmd, "index", clip.Index);
        Parameters.Add(cmd, "name", clip.Name);
        Parameters.Add(cmd, "label", clip.Label);
        Parameters.Add(cmd, "predicted", clip.Predicted);
        Parameters.Add(cmd, "mismatches", clip.MismatchingValues);
        Parameters.Add(cmd, "json", JsonSerializer.Serialize(clip, RunJson.Options));
        cmd.ExecuteNonQuery();
    }

    /// <summary>Finished runs, oldest first: the newest <paramref name="limit"/> of one profile (or of all).</summary>
    public static IReadOnlyList<RunSummary> History(DbConnection connection, string store, string? profile, int limit)
    {
        using var cmd = Command(connection, null, $"""
            SELECT * FROM (
                SELECT {SummaryColumns} FROM runs
                WHERE (@profile IS NULL OR profile = @profile) AND run_json IS NOT NULL
                ORDER BY started_at DESC, run_id DESC LIMIT @limit) AS newest
            ORDER BY started_at, run_id
            """);
        Parameters.Add(cmd, "profile", profile);
        Parameters.Add(cmd, "limit", limit);
        return ReadSummaries(cmd, store);
    }

    /// <summary>The newest complete run per profile and physical board (host, port or virtual, board ID).</summary>
    public static IReadOnlyList<RunSummary> LatestPerBoard(DbConnection connection, string store)
    {
        using var cmd = Command(connection, null, $"""
            SELECT {SummaryColumns} FROM (
                SELECT {SummaryColumns}, ROW_NUMBER() OVER (
                    PARTITION BY profile, COALESCE(host, ''), board, COALESCE(board_uid, '') ORDER BY started_at DESC, run_id DESC) AS nth
                FROM runs WHERE run_json IS NOT NULL AND complete = 1) AS ranked
            WHERE nth = 1
            ORDER BY profile, host, board, board_uid
            """);
        return ReadSummaries(cmd, store);
    }

    public static RunResult? FinishedRun(DbConnection connection, string store, string runId)
    {
        using var cmd = Command(connection, null, "SELECT run_json FROM runs WHERE run_id = @id AND run_json IS NOT NULL");
        Parameters.Add(cmd, "id", runId);
        try
        {
            return cmd.ExecuteScalar() is string json ? JsonSerializer.Deserialize<RunResult>(json, RunJson.Options) : null;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{store}: runs.run_json of run {runId}: not a run result ({e.Message}); the store is damaged", e);
        }
    }

    public static int ClipRows(DbConnection connection, string runId)
    {
        using var cmd = Command(connection, null, "SELECT COUNT(*) FROM clips WHERE run_id = @id");
        Parameters.Add(cmd, "id", runId);
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<RunSummary> ReadSummaries(DbCommand cmd, string store)
    {
        using var r = cmd.ExecuteReader();
        var rows = new List<RunSummary>();
        while (r.Read())
        {
            var unit = Unit(store, Text(r, 9));
            var metrics = new RunMetrics(
                (r.IsDBNull(7) ? 0 : r.GetDouble(7)) * 100, r.IsDBNull(8) ? 0 : Convert.ToInt64(r.GetValue(8), CultureInfo.InvariantCulture), unit,
                r.IsDBNull(10) ? null : r.GetDouble(10), r.IsDBNull(11) ? null : r.GetDouble(11), r.IsDBNull(12) ? null : r.GetDouble(12),
                Int(r, 13), Int(r, 14))
            {
                ModelMismatches = r.IsDBNull(21) ? 0 : Convert.ToInt64(r.GetValue(21), CultureInfo.InvariantCulture),
                // Runs stored before their clocks were recorded: the clock their cycle unit implies.
                CycleClock = unit is null ? null : ClockOf(Text(r, 17)) ?? MeasurementClocks.FromCycleUnit(unit.Value),
                EnergyClock = r.IsDBNull(12) ? null : ClockOf(Text(r, 18)) ?? (unit is { } u ? MeasurementClocks.FromCycleUnit(u) : MeasurementClock.Host),
            };
            rows.Add(new RunSummary(
                r.GetString(0), r.GetString(1), DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
                Mode(store, r.GetString(3)), r.GetString(4), r.GetString(5), Convert.ToInt64(r.GetValue(6), CultureInfo.InvariantCulture) != 0,
                Int(r, 15) ?? 0, Text(r, 16), metrics)
            {
                Host = Text(r, 19),
                BoardUid = Text(r, 20),
            });
        }
        return rows;
    }

    private static string? Text(DbDataReader r, int column) => r.IsDBNull(column) ? null : r.GetString(column);

    private static int? Int(DbDataReader r, int column) => r.IsDBNull(column) ? null : Convert.ToInt32(r.GetValue(column), CultureInfo.InvariantCulture);

    private static MeasurementClock? ClockOf(string? name) => JsonNames.Parse<MeasurementClock>(name);

    /// <summary>runs.cycle_unit as written (mcu-cycles, host-cycles); null when not measured.</summary>
    private static CycleUnit? Unit(string store, string? text) => text is null ? null
        : JsonNames.Parse<CycleUnit>(text) ?? throw new InvalidDataException($"{store}: runs.cycle_unit: '{text}' is not {string.Join(" or ", JsonNames.All<CycleUnit>())}; the store was edited or damaged");

    /// <summary>runs.mode as written (inject, acoustic); anything else is a damaged or edited store.</summary>
    public static RunMode Mode(string store, string text) => JsonNames.Parse<RunMode>(text)
        ?? throw new InvalidDataException($"{store}: runs.mode: '{text}' is not {string.Join(" or ", JsonNames.All<RunMode>())}; the store was edited or damaged");

    public static string Time(DateTimeOffset t) => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}
