using Microsoft.Data.Sqlite;
using Rig.Core.Runs;
using Rig.Runs.Orchestration;
using Rig.Store;

namespace Rig.Runs.Tests.Orchestration;

/// <summary>
/// A run folder is owned and its files never lie: the run id lives in the store, a resume recomputes run.json from
/// every stored clip and trusts no tampered row, Ctrl-C leaves a run.json marked incomplete, one process writes a
/// folder at a time, and a full disk is a clear refusal that a resume recovers from.
/// </summary>
public sealed class RunFolderOwnershipTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rig-own-test-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private RunOptions Options(string playlist, string outDir, params string[] boards) => TinyRuns.Options(_dir, playlist, outDir, boards);

    private static IReadOnlyList<RunOutcome> Execute(RunOptions options, IRunProgress? progress = null, CancellationToken ct = default) =>
        new RunOrchestrator(TimeProvider.System, progress ?? new SilentProgress()).Execute(options, ct);

    private RunOptions Resume(string outDir) => ResumePlan.Load(outDir, Options("ignored", "ignored"));

    /// <summary>Counts what a session plays, and can stop it: throw after N clips (a kill) or cancel after N (Ctrl-C).</summary>
    private sealed class Session(int throwAfter = int.MaxValue, CancellationTokenSource? cancelAfter = null, int cancelAt = int.MaxValue) : IRunProgress
    {
        private int _done;
        public int AlreadyDone { get; private set; } = -1;
        public int ToPlay { get; private set; } = -1;
        public void Begin(int clipsToPlay, int alreadyDone) { ToPlay = clipsToPlay; AlreadyDone = alreadyDone; }
        public void ClipDone(string clipName, string summary)
        {
            ++_done;
            if (_done == cancelAt) cancelAfter?.Cancel();
            if (_done == throwAfter) throw new OperationCanceledException("killed");
        }
        public void Message(string text) { }
    }

    /// <summary>Run-level cycle counts and link traffic must cover every clip, whichever session played it.</summary>
    private static void AssertCoversEveryClip(RunResult run)
    {
        var columns = run.Clips.Sum(c => c.CyclesPerStage["frontend"].Count);
        var inferences = run.Clips.Sum(c => c.CyclesPerStage["model"].Count);
        Assert.Equal(columns, run.Cycles!.FrontendPerColumn.Count);
        Assert.Equal(inferences, run.Cycles.ModelPerInference.Count);
        Assert.Equal(run.Clips.Max(c => c.CyclesPerStage["frontend"].Max), run.Cycles.FrontendPerColumn.Max);
        Assert.True(run.Link.FramesReceived >= columns + inferences, $"{run.Link.FramesReceived} frames for {columns} columns and {inferences} windows");
        Assert.NotNull(run.Stats);
    }

    [Fact]
    public void A_renamed_run_folder_resumes_under_its_stored_id_playing_only_the_missing_clips()
    {
        var playlist = TinyRuns.Playlist(_dir, 3);
        var first = Assert.Single(Execute(Options(playlist, Path.Combine(_dir, "night-1")) with { StopAfterClips = 1 }));
        var moved = Path.Combine(_dir, "archive", "copy-of-night-1");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        Directory.Move(Path.Combine(_dir, "night-1"), moved);

        var session = new Session();
        var outcome = Assert.Single(Execute(Resume(moved), session));
        Assert.Equal((1, 2), (session.AlreadyDone, session.ToPlay));
        Assert.Equal(first.Result.RunId, outcome.Result.RunId);
        Assert.Equal(first.Result.StartedAt, outcome.Result.StartedAt);
        Assert.DoesNotContain("night-1", outcome.Result.RunId);
        using var store = RunStore.Open(RunStore.RunDbPath(moved));
        Assert.Equal([first.Result.RunId], store.Runs().Select(r => r.RunId));
        // ... and resuming the finished copy again is still one run, not "expected one run, found 2".
        Assert.True(Assert.Single(Execute(Resume(moved))).Result.Complete);
    }

    [Fact]
    public void A_resume_that_plays_nothing_recomputes_cycles_link_and_stats_from_every_stored_clip()
    {
        var playlist = TinyRuns.Playlist(_dir, 3);
        var outDir = Path.Combine(_dir, "killed-at-the-end");
        // Killed after the last clip was committed but before run.json: the resume has nothing left to play.
        Assert.Throws<OperationCanceledException>(() => Execute(Options(playlist, outDir), new Session(throwAfter: 3)));
        var session = new Session();
        var run = Assert.Single(Execute(Resume(outDir), session)).Result;
        Assert.Equal((3, 0), (session.AlreadyDone, session.ToPlay));
        Assert.True(run.Complete);
        AssertCoversEveryClip(run);
    }

    [Fact]
    public void A_run_resumed_in_steps_has_the_cycle_and_link_figures_of_one_run_in_one_go()
    {
        var playlist = TinyRuns.Playlist(_dir, 3);
        var outDir = Path.Combine(_dir, "steps");
        Execute(Options(playlist, outDir) with { StopAfterClips = 1 });
        Execute(Resume(outDir) with { StopAfterClips = 1 });
        var run = Assert.Single(Execute(Resume(outDir))).Result;
        Assert.Equal(3, run.Timing!.Sessions);
        AssertCoversEveryClip(run);
        Assert.Equal(run, RunJson.Read(outDir) with { }, RunResultComparer.Instance);
    }

    [Fact]
    public void Ctrl_c_finishes_the_clip_in_flight_writes_an_incomplete_run_json_and_resume_completes()
    {
        var playlist = TinyRuns.Playlist(_dir, 4);
        var outDir = Path.Combine(_dir, "interrupted");
        using var ctrlC = new CancellationTokenSource();
        var stopped = Assert.Single(Execute(Options(playlist, outDir), new Session(cancelAfter: ctrlC, cancelAt: 1), ctrlC.Token));
        Assert.True(stopped.Interrupted);
        var partial = RunJson.Read(outDir);
        Assert.False(partial.Complete);
        Assert.Equal([0], partial.Clips.Select(c => c.Index));
        // (the gate's refusal of an incomplete run is Rig.Reports' and the CLI's: GateChecksTests, ExitCodeRuleTests)

        var session = new Session();
        var run = Assert.Single(Execute(Resume(outDir), session)).Result;
        Assert.Equal((1, 3), (session.AlreadyDone, session.ToPlay));
        Assert.True(run.Complete);
        Assert.Equal([0, 1, 2, 3], run.Clips.Select(c => c.Index));
        Assert.Equal(2, run.Timing!.Sessions);
    }

    [Fact]
    public void A_second_run_into_a_folder_being_written_is_refused_naming_the_holder_until_it_lets_go()
    {
        var playlist = TinyRuns.Playlist(_dir, 1);
        var outDir = Path.Combine(_dir, "busy");
        using (RunFolderLock.Acquire(outDir, "pid 4242 on testhost, running py32f003"))
        {
            var e = Assert.Throws<RunFolderLockedException>(() => Execute(Options(playlist, outDir)));
            Assert.Contains("being written by another rig run (pid 4242 on testhost, running py32f003)", e.Message);
            Assert.Contains(outDir, e.Message);
            Assert.False(File.Exists(RunStore.RunDbPath(outDir)));
        }
        Assert.True(Assert.Single(Execute(Options(playlist, outDir))).Result.Complete);
        Assert.False(File.Exists(Path.Combine(outDir, RunFolderLock.OwnerFileName)));
    }

    [Fact]
    public void Resume_refuses_other_boards_than_the_runs_own_naming_both()
    {
        var playlist = TinyRuns.Playlist(_dir, 2);
        var outDir = Path.Combine(_dir, "on-virtual");
        Execute(Options(playlist, outDir) with { StopAfterClips = 1 });
        var e = Assert.Throws<ArgumentException>(() => ResumePlan.Load(outDir, Options("x", "x", "serial:/dev/ttyACM7"), boardsGiven: true));
        Assert.Contains("played on virtual", e.Message);
        Assert.Contains("serial:/dev/ttyACM7", e.Message);
        // Naming the run's own board is fine.
        Assert.True(ResumePlan.Load(outDir, Options("x", "x", "virtual"), boardsGiven: true).Resume);
    }

    [Theory]
    [InlineData("UPDATE clips SET clip_index = 2 WHERE clip_index = 1", "clips row 2 of run", "does not match the row's clip_index")]
    [InlineData("INSERT INTO clips SELECT run_id, 7, name, label, predicted, mismatching_values, json_set(json, '$.index', 7) FROM clips WHERE clip_index = 1", "clips row 7", "missing before it")]
    [InlineData("UPDATE clips SET json = substr(json, 1, 40) WHERE clip_index = 1", "clips row 1 of run", "not a clip result")]
    [InlineData("UPDATE clips SET json = json_set(json, '$.name', 'c9'), name = 'c9' WHERE clip_index = 1", "clips row 1", "where the playlist has 'c1'")]
    [InlineData("UPDATE clips SET json = json_set(json, '$.mismatchingValues', -4), mismatching_values = -4 WHERE clip_index = 0", "clips row 0", "mismatchingValues: -4 is negative")]
    [InlineData("UPDATE clip_samples SET json = json_set(json, '$.board', 'other-board')", "run.db", "now answers as")]
    [InlineData("INSERT INTO runs (run_id, profile, mode, board, playlist, config_hash, started_at, planned_clips) SELECT 'x' || run_id, profile, mode, board, playlist, config_hash, started_at, planned_clips FROM runs", "run.db", "expected one run, found 2")]
    public void A_tampered_store_is_refused_on_resume_naming_the_row_and_nothing_is_replayed(string sql, string where, string why)
    {
        var playlist = TinyRuns.Playlist(_dir, 3);
        var outDir = Path.Combine(_dir, "tampered");
        Execute(Options(playlist, outDir) with { StopAfterClips = 2 });
        var db = RunStore.RunDbPath(outDir);
        Sql(db, sql);
        var partial = File.ReadAllText(Path.Combine(outDir, RunJson.FileName));
        var e = Assert.Throws<InvalidDataException>(() => Execute(Resume(outDir)));
        Assert.Contains(db, e.Message);
        Assert.Contains(where, e.Message);
        Assert.Contains(why, e.Message);
        Assert.Equal(partial, File.ReadAllText(Path.Combine(outDir, RunJson.FileName)));
    }

    [Fact]
    public void A_store_with_an_overwritten_page_is_refused_on_resume()
    {
        var playlist = TinyRuns.Playlist(_dir, 3);
        var outDir = Path.Combine(_dir, "overwritten");
        Execute(Options(playlist, outDir) with { StopAfterClips = 2 });
        var db = RunStore.RunDbPath(outDir);
        var bytes = File.ReadAllBytes(db);
        Assert.True(bytes.Length >= 3 * 4096, $"{bytes.Length} bytes");
        for (var i = 4096; i < 8192; i++) bytes[i] = 0xA5;
        File.WriteAllBytes(db, bytes);
        var e = Assert.Throws<InvalidDataException>(() => Execute(Resume(outDir)));
        Assert.Contains(db, e.Message);
    }

    [Fact]
    public void A_full_disk_when_run_json_is_written_is_a_clear_error_and_resume_completes_without_replaying()
    {
        var playlist = TinyRuns.Playlist(_dir, 3);
        var outDir = Path.Combine(_dir, "full");
        Directory.CreateDirectory(outDir);
        var tmp = Path.Combine(outDir, RunJson.FileName + ".tmp");
        File.CreateSymbolicLink(tmp, "/dev/full"); // every write there fails with ENOSPC, as on a full disk
        var e = Assert.Throws<IOException>(() => Execute(Options(playlist, outDir)));
        Assert.Contains(tmp, e.Message);
        File.Delete(tmp);

        var session = new Session();
        Assert.True(Assert.Single(Execute(Resume(outDir), session)).Result.Complete);
        Assert.Equal((3, 0), (session.AlreadyDone, session.ToPlay));
    }

    [Fact]
    public void A_full_disk_under_the_store_is_an_io_error_naming_it_and_keeps_the_committed_clips()
    {
        var db = Path.Combine(_dir, "full.db");
        var header = new RunHeader("r1", "py32f003", RunMode.Inject, "virtual", "p.yaml", "0x1", DateTimeOffset.UnixEpoch, 2);
        var clip = new ClipResult { Index = 0, Name = "c0", Label = "jazz", Predicted = "jazz" };
        using (var store = RunStore.Open(db))
        {
            store.BeginRun(header);
            store.RecordClip("r1", clip);
            // SQLite's own "database or disk is full": no page may be added to the file any more.
            var connection = (SqliteConnection)typeof(RunStore).GetField("_connection", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(store)!;
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "PRAGMA max_page_count = 1; PRAGMA max_page_count;";
                cmd.ExecuteScalar();
            }
            var big = clip with { Index = 1, Name = "c1", Scores = Enumerable.Range(0, 20_000).ToList() };
            var e = Assert.Throws<IOException>(() => store.RecordClip("r1", big));
            Assert.Contains(db, e.Message);
            Assert.Contains("disk full", e.Message);
            Assert.Contains("record clip 1", e.Message);
        }
        using var reopened = RunStore.Open(db);
        Assert.Equal(["c0"], reopened.CompletedClips("r1").Select(c => c.Name));
    }

    private static void Sql(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        Assert.True(cmd.ExecuteNonQuery() > 0, sql);
    }

    /// <summary>run.json as written equals what the run returned (records with lists compare by content here).</summary>
    private sealed class RunResultComparer : IEqualityComparer<RunResult>
    {
        public static readonly RunResultComparer Instance = new();
        public bool Equals(RunResult? x, RunResult? y) =>
            System.Text.Json.JsonSerializer.Serialize(x, RunJson.Options) == System.Text.Json.JsonSerializer.Serialize(y, RunJson.Options);
        public int GetHashCode(RunResult obj) => 0;
    }
}
