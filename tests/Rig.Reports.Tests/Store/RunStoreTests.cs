using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rig.Core.Runs;
using Rig.Reports.Tests.Support;
using Rig.Store;

namespace Rig.Reports.Tests.Store;

public sealed class RunStoreTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static RunHeader Header(RunResult run) =>
        new(run.RunId, run.Profile, run.Mode, run.Board, run.Playlist, run.ConfigHash, run.StartedAt, run.Clips.Count);

    [Fact]
    public void Clips_recorded_one_by_one_come_back_in_order_with_every_field()
    {
        var run = SampleRun.Write(_tmp.Sub("run"), seed: 3);
        using var store = RunStore.Open(RunStore.RunDbPath(_tmp.Sub("run")));
        var id = store.BeginRun(Header(run));
        foreach (var clip in run.Clips.Reverse()) store.RecordClip(id, clip);

        var back = store.CompletedClips(id);

        Assert.Equal(run.Clips.Select(c => c.Index), back.Select(c => c.Index));
        for (var i = 0; i < back.Count; i++)
            Assert.Equal(JsonSerializer.Serialize(run.Clips[i], RunJson.Options), JsonSerializer.Serialize(back[i], RunJson.Options));
        Assert.Contains(back, c => c.MismatchingValues > 0 && c.FeatureFile is not null && c.CyclesPerStage.Count == 6);
    }

    [Fact]
    public void A_recorded_clip_is_on_disk_before_the_writer_closes()
    {
        var run = SampleRun.Write(_tmp.Sub("run"), seed: 4, new SampleRunShape { Clips = 5 });
        var path = RunStore.RunDbPath(_tmp.Sub("run"));
        using var writer = RunStore.Open(path);
        var id = writer.BeginRun(Header(run));
        writer.RecordClip(id, run.Clips[0]);
        writer.RecordClip(id, run.Clips[1]);

        // A second connection (as a resuming process would open) already sees both committed clips.
        using var reader = RunStore.Open(path);
        Assert.Equal([0, 1], reader.CompletedClips(id).Select(c => c.Index));
        using var raw = new SqliteConnection($"Data Source={path};Pooling=False");
        raw.Open();
        using var cmd = raw.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
    }

    [Fact]
    public void The_files_on_disk_mid_run_hold_every_recorded_clip_as_a_crash_would_leave_them()
    {
        var run = SampleRun.Write(_tmp.Sub("run"), 12, new SampleRunShape { Clips = 9 });
        var path = RunStore.RunDbPath(_tmp.Sub("run"));
        using var writer = RunStore.Open(path);
        var id = writer.BeginRun(Header(run));
        foreach (var clip in run.Clips.Take(5)) writer.RecordClip(id, clip);

        // Snapshot the database and its write-ahead log while the writer is still open and never closed:
        // exactly the bytes a killed process leaves behind.
        var crashed = _tmp.Sub("crashed");
        Directory.CreateDirectory(crashed);
        foreach (var file in Directory.GetFiles(_tmp.Sub("run"), RunStore.RunDbFileName + "*"))
            File.Copy(file, Path.Combine(crashed, Path.GetFileName(file)));
        using var resumed = RunStore.Open(RunStore.RunDbPath(crashed));
        Assert.Equal([0, 1, 2, 3, 4], resumed.CompletedClips(id).Select(c => c.Index));
        Assert.Equal(Header(run), resumed.FindRun(id));
        using var check = new SqliteConnection($"Data Source={RunStore.RunDbPath(crashed)};Pooling=False");
        check.Open();
        using var cmd = check.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string)cmd.ExecuteScalar()!);
    }

    [Fact]
    public void Resuming_a_run_returns_the_same_id_and_keeps_its_clips()
    {
        var run = SampleRun.Write(_tmp.Sub("run"), seed: 5, new SampleRunShape { Clips = 6 });
        var path = RunStore.RunDbPath(_tmp.Sub("run"));
        using (var first = RunStore.Open(path))
        {
            var id = first.BeginRun(Header(run));
            foreach (var clip in run.Clips.Take(4)) first.RecordClip(id, clip);
        }
        using var second = RunStore.Open(path);
        var header = second.Runs().Single();
        Assert.Equal(Header(run), header);
        Assert.Equal(run.RunId, second.BeginRun(header));
        Assert.Equal([0, 1, 2, 3], second.CompletedClips(header.RunId).Select(c => c.Index));
        foreach (var clip in run.Clips.Skip(4)) second.RecordClip(header.RunId, clip);
        second.RecordClip(header.RunId, run.Clips[2] with { Retries = 9 });
        var all = second.CompletedClips(header.RunId);
        Assert.Equal(6, all.Count);
        Assert.Equal(9, all[2].Retries);
    }

    [Fact]
    public void Resuming_with_another_config_hash_is_refused()
    {
        var run = SampleRun.Write(_tmp.Sub("run"), seed: 6, new SampleRunShape { Clips = 2 });
        using var store = RunStore.Open(_tmp.Sub("s.db"));
        store.BeginRun(Header(run));
        var e = Assert.Throws<InvalidDataException>(() => store.BeginRun(Header(run) with { ConfigHash = "0xdeadbeef" }));
        Assert.Contains("0xdeadbeef", e.Message);
        Assert.Contains(run.ConfigHash, e.Message);
    }

    [Fact]
    public void Recording_a_clip_of_an_unknown_run_is_an_error()
    {
        using var store = RunStore.Open(_tmp.Sub("s.db"));
        var run = SampleRun.Write(_tmp.Sub("run"), seed: 7, new SampleRunShape { Clips = 1 });
        Assert.Throws<InvalidOperationException>(() => store.RecordClip("nope", run.Clips[0]));
    }

    [Fact]
    public void History_lists_finished_runs_of_one_profile_oldest_first_and_keeps_the_newest_when_limited()
    {
        using var store = RunStore.Open(_tmp.Sub("history.db"));
        var runs = new List<RunResult>();
        foreach (var seed in new[] { 30, 10, 20, 40 })
        {
            var run = SampleRun.Write(_tmp.Sub($"r{seed}"), seed, new SampleRunShape { Clips = 4 + seed / 10 });
            runs.Add(run);
            store.FinishRun(run, _tmp.Sub($"r{seed}"));
        }
        var other = SampleRun.Write(_tmp.Sub("other"), 50, new SampleRunShape { Clips = 3, Profile = "stm32l4" });
        store.FinishRun(other);
        // Begun but never finished: not history.
        store.BeginRun(Header(SampleRun.Write(_tmp.Sub("open"), 60, new SampleRunShape { Clips = 2 })));

        var history = store.History("py32f003");
        Assert.Equal(["run-0010", "run-0020", "run-0030", "run-0040"], history.Select(h => h.RunId));
        var r20 = runs.Single(r => r.RunId == "run-0020");
        var h20 = history[1];
        Assert.Equal(r20.Accuracy * 100, h20.Metrics.AccuracyPercent, 10);
        Assert.Equal(r20.Cycles!.FrontendPerColumn.Median, h20.Metrics.FrontendCyclesMedian);
        Assert.Equal(r20.Power!.EnergyPerInferenceUj, h20.Metrics.EnergyPerInferenceUj);
        Assert.Equal(r20.Memory!.RamBytes, h20.Metrics.RamBytes);
        Assert.Equal(RunMetrics.From(r20), h20.Metrics);
        Assert.Equal(r20.Clips.Count, h20.Clips);
        Assert.Equal(Path.GetFullPath(_tmp.Sub("r20")), h20.RunDir);
        Assert.Equal(["run-0030", "run-0040"], store.History("py32f003", limit: 2).Select(h => h.RunId));
        Assert.Equal(["run-0050"], store.History("stm32l4").Select(h => h.RunId));
        Assert.Equal(r20.RunId, store.FinishedRun("run-0020")!.RunId);
        Assert.Equal(r20.Clips.Count, store.CompletedClips("run-0020").Count);
    }

    [Fact]
    public void A_version_1_store_that_held_0_for_unmeasured_figures_is_migrated_to_nulls()
    {
        var db = _tmp.Sub("v1.db");
        var measured = SampleRun.Write(_tmp.Sub("m"), 11, new SampleRunShape { Clips = 3 });
        var unmeasured = SampleRun.Write(_tmp.Sub("u"), 12, new SampleRunShape { Clips = 3 });
        unmeasured = unmeasured with { Cycles = unmeasured.Cycles! with { FrontendPerColumn = Distribution.Of([]), ModelPerInference = Distribution.Of([]) } };
        using (var store = RunStore.Open(db))
        {
            store.FinishRun(measured);
            store.FinishRun(unmeasured);
        }
        // What version 1 wrote for the unmeasured run: zeros.
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString()))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            // Version 1 had neither the columns of versions 3 and 4 nor the version table.
            cmd.CommandText = "DROP INDEX runs_board; ALTER TABLE runs DROP COLUMN host; ALTER TABLE runs DROP COLUMN board_uid; ALTER TABLE runs DROP COLUMN cycle_clock; "
                              + "ALTER TABLE runs DROP COLUMN energy_clock; ALTER TABLE runs DROP COLUMN model_mismatches; DROP TABLE rig_schema; "
                              + "UPDATE runs SET frontend_cycles_median = 0, model_cycles_median = 0, ram_bytes = 0, flash_bytes = 0 WHERE run_id = $id; PRAGMA user_version = 1;";
            cmd.Parameters.AddWithValue("$id", unmeasured.RunId);
            cmd.ExecuteNonQuery();
        }
        using (var store = RunStore.Open(db))
        {
            var history = store.History("py32f003").ToDictionary(h => h.RunId, h => h.Metrics);
            Assert.Equal(RunMetrics.From(measured), history[measured.RunId]);
            var m = history[unmeasured.RunId];
            Assert.Equal((null, null, null, null), (m.FrontendCyclesMedian, m.ModelCyclesMedian, m.RamBytes, m.FlashBytes));
        }
    }

    [Fact]
    public void Unmeasured_sections_are_stored_as_nulls()
    {
        using var store = RunStore.Open(_tmp.Sub("history.db"));
        var run = SampleRun.Write(_tmp.Sub("r"), 8, new SampleRunShape { Clips = 3, Power = false, Memory = false, Cycles = false });
        store.FinishRun(run);
        var h = store.History(run.Profile).Single();
        Assert.Null(h.Metrics.EnergyPerInferenceUj);
        Assert.Null(h.Metrics.RamBytes);
        Assert.Null(h.Metrics.FrontendCyclesMedian);
        Assert.Null(h.Metrics.CycleUnit);
    }

    [Fact]
    public void A_store_from_a_newer_rig_is_refused()
    {
        var path = _tmp.Sub("new.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<InvalidDataException>(() => RunStore.Open(path));
        Assert.Contains("newer", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_its_path()
    {
        var path = _tmp.Sub("junk.db");
        File.WriteAllText(path, "this is not sqlite, just text long enough to fill a header page........................................................");
        var e = Assert.Throws<InvalidDataException>(() => RunStore.Open(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Store_location_prefers_the_option_then_the_environment()
    {
        Assert.Equal(Path.GetFullPath("/tmp/x/h.db"), StoreLocation.Resolve("/tmp/x/h.db"));
        var env = Environment.GetEnvironmentVariable(StoreLocation.EnvironmentVariable);
        if (string.IsNullOrEmpty(env))
            Assert.EndsWith(Path.Combine("runs", "history.db"), StoreLocation.Resolve(null));
        else
            Assert.Equal(Path.GetFullPath(env), StoreLocation.Resolve(null));
    }
}
