using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rig.Core.Runs;
using Rig.Store.History;
using Rig.Store.Postgres;
using Rig.Store.Schema;
using Rig.Store.Tests.Support;

namespace Rig.Store.Tests.Schema;

/// <summary>
/// Both stores carry their schema version (rig_schema); the rig creates the schema, migrates an older one in place, and
/// refuses a newer one with a message naming the store and what to do.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SchemaMigrationTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>A store at an older schema version, opened with the database's own client (no rig code past that version).</summary>
    private (string Location, DbConnection Connection) OldStore(string kind, int version)
    {
        var location = StoreKind.NewLocation(kind, _tmp, postgres.Server);
        DbConnection connection = kind == StoreKind.Postgres
            ? new NpgsqlConnection(PostgresAddress.Parse(location).ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location, Pooling = false }.ToString());
        connection.Open();
        SchemaMigration.Apply(connection, kind == StoreKind.Postgres ? PostgresDialect.Instance : SqliteDialect.Instance, location, upTo: version);
        return (location, connection);
    }

    private static void Execute(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(DbConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    [Theory]
    [MemberData(nameof(StoreKind.Both), MemberType = typeof(StoreKind))]
    public void A_version_2_store_is_migrated_and_keeps_its_runs(string kind)
    {
        var run = FarmRuns.Make(_tmp, 3, "unused", clips: 4);
        run = run with { Cycles = run.Cycles! with { Unit = CycleUnit.McuCycles, Clock = MeasurementClock.Mcu } };
        var (location, c) = OldStore(kind, 2);
        using (c)
        {
            // A row as a version-2 rig wrote it: no host, no board ID, no clock columns.
            Execute(c, $"""
                INSERT INTO runs (run_id, profile, mode, board, playlist, config_hash, started_at, planned_clips, complete, accuracy,
                                  feature_mismatches, cycle_unit, frontend_cycles_median, energy_uj, clip_count, run_json)
                VALUES ('old-run', 'py32f003', 'inject', 'serial:/dev/ttyACM0', 'reference.yaml', '{run.ConfigHash}', '2026-11-01T02:00:00.0000000+00:00', 4, 1, 0.75,
                        0, 'mcu-cycles', 24000, 180, 4, '{System.Text.Json.JsonSerializer.Serialize(run, RunJson.Options).Replace("'", "''", StringComparison.Ordinal)}');
                INSERT INTO clips (run_id, clip_index, name, label, predicted, mismatching_values, json) VALUES ('old-run', 0, 'a.wav', 'dog', 'dog', 0, '{"{}"}');
                """);
        }
        using (var store = HistoryStores.OpenAt(location))
        {
            var row = Assert.Single(store.History("py32f003", 10));
            Assert.Equal(("old-run", (string?)null, (string?)null, 75.0), (row.RunId, row.Host, row.BoardUid, row.Metrics.AccuracyPercent));
            Assert.Equal(MeasurementClock.Mcu, row.Metrics.CycleClock);   // from its run.json, now a column
            Assert.Equal(MeasurementClock.Mcu, row.Metrics.EnergyClock);
            Assert.Equal(1, store.ClipRows("old-run"));
            store.Record(FarmRuns.Make(_tmp, 4, "rig-a", clips: 2), null);
            Assert.Equal([null, "rig-a"], store.History(null, 10).Select(r => r.Host));
        }
        using var after = kind == StoreKind.Postgres
            ? (DbConnection)new NpgsqlConnection(PostgresAddress.Parse(location).ConnectionString)
            : new SqliteConnection($"Data Source={location};Pooling=False");
        after.Open();
        Assert.Equal(SchemaSteps.Current, Convert.ToInt32(Scalar(after, "SELECT version FROM rig_schema"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1L, Convert.ToInt64(Scalar(after, "SELECT COUNT(*) FROM rig_schema"), System.Globalization.CultureInfo.InvariantCulture));
        if (kind == StoreKind.Sqlite) Assert.Equal(SchemaSteps.Current, Convert.ToInt32(Scalar(after, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(StoreKind.Both), MemberType = typeof(StoreKind))]
    public void A_version_3_store_takes_each_runs_model_mismatches_from_its_run_json(string kind)
    {
        var run = FarmRuns.Make(_tmp, 6, "rig-a", clips: 3, modelMismatchClips: 2);
        var (location, c) = OldStore(kind, 3);
        using (c)
        {
            // Rows as a version-3 rig wrote them: one run with model mismatches in its run.json, one unfinished (no run.json).
            Execute(c, $"""
                INSERT INTO runs (run_id, profile, mode, board, playlist, config_hash, started_at, planned_clips, complete, accuracy,
                                  feature_mismatches, clip_count, host, run_json)
                VALUES ('old-run', 'py32f003', 'inject', 'virtual', 'reference.yaml', '{run.ConfigHash}', '2026-11-01T02:00:00.0000000+00:00', 3, 1, 0.75,
                        {run.FeatureMismatches}, 3, 'rig-a', '{System.Text.Json.JsonSerializer.Serialize(run, RunJson.Options).Replace("'", "''", StringComparison.Ordinal)}');
                INSERT INTO runs (run_id, profile, mode, board, playlist, config_hash, started_at, planned_clips)
                VALUES ('unfinished', 'py32f003', 'inject', 'virtual', 'reference.yaml', '{run.ConfigHash}', '2026-11-01T03:00:00.0000000+00:00', 3);
                """);
        }
        using var store = HistoryStores.OpenAt(location);
        var row = Assert.Single(store.History("py32f003", 10));
        Assert.True(run.ModelMismatches > 0);
        Assert.Equal(("old-run", run.FeatureMismatches, run.ModelMismatches), (row.RunId, row.Metrics.FeatureMismatches, row.Metrics.ModelMismatches));
    }

    [Theory]
    [MemberData(nameof(StoreKind.Both), MemberType = typeof(StoreKind))]
    public void A_store_of_a_newer_schema_is_refused_naming_it_and_what_to_do(string kind)
    {
        var (location, c) = OldStore(kind, SchemaSteps.Current);
        using (c) Execute(c, "UPDATE rig_schema SET version = 99");
        var e = Assert.Throws<InvalidDataException>(() => HistoryStores.OpenAt(location).Dispose());
        var name = kind == StoreKind.Postgres ? PostgresAddress.Parse(location).Display : location;
        Assert.StartsWith(name + $": history schema version 99 is newer than this rig understands ({SchemaSteps.Current})", e.Message);
        Assert.Contains("update the rig", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [MemberData(nameof(StoreKind.Both), MemberType = typeof(StoreKind))]
    public void A_new_store_is_created_at_the_current_version(string kind)
    {
        var location = StoreKind.NewLocation(kind, _tmp, postgres.Server);
        using (var store = HistoryStores.OpenAt(location)) Assert.Empty(store.History(null, 10));
        var (_, c) = (location, kind == StoreKind.Postgres
            ? (DbConnection)new NpgsqlConnection(PostgresAddress.Parse(location).ConnectionString)
            : new SqliteConnection($"Data Source={location};Pooling=False"));
        using (c)
        {
            c.Open();
            Assert.Equal(SchemaSteps.Current, Convert.ToInt32(Scalar(c, "SELECT version FROM rig_schema"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.StartsWith("rig ", (string)Scalar(c, "SELECT written_by FROM rig_schema")!, StringComparison.Ordinal);
        }
    }
}
