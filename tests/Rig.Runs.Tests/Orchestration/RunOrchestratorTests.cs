using Rig.Core.Runs;
using Rig.Runs.Link;
using Rig.Runs.Orchestration;

namespace Rig.Runs.Tests.Orchestration;

public sealed class RunOrchestratorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rig-run-test-").FullName;

    private string Playlist(int clips) => TinyRuns.Playlist(_dir, clips);

    private RunOptions Options(string playlist, string outDir, params string[] boards) => TinyRuns.Options(_dir, playlist, outDir, boards);

    /// <summary>Progress that dies after a number of clips, like a rig process killed midway.</summary>
    private sealed class DieAfter(int clips) : IRunProgress
    {
        private int _done;
        public int AlreadyDone { get; private set; } = -1;
        public int ToPlay { get; private set; } = -1;
        public void Begin(int clipsToPlay, int alreadyDone) { ToPlay = clipsToPlay; AlreadyDone = alreadyDone; }
        public void ClipDone(string clipName, string summary) { if (++_done == clips) throw new OperationCanceledException("killed"); }
        public void Message(string text) { }
    }

    [Fact]
    public void A_board_that_cannot_be_opened_leaves_no_run_behind_even_after_another_board_started_one()
    {
        var playlist = Playlist(1);
        var outDir = Path.Combine(_dir, "half-open");
        var e = Assert.Throws<IOException>(() => new RunOrchestrator(TimeProvider.System, new DieAfter(int.MaxValue))
            .Execute(Options(playlist, outDir, "virtual", "serial:/dev/rig-no-such-port")));
        Assert.StartsWith("serial port /dev/rig-no-such-port does not exist", e.Message);
        // The virtual board had shaken hands and opened its run store; nothing of it is left.
        Assert.False(Directory.Exists(outDir));
        Assert.Null(ExistingRun.Find(outDir));
        // So the same --out takes the run once the boards are there.
        var outcome = Assert.Single(new RunOrchestrator(TimeProvider.System, new DieAfter(int.MaxValue)).Execute(Options(playlist, outDir)));
        Assert.True(outcome.Result.Complete);
    }

    [Fact]
    public void A_run_killed_midway_resumes_and_plays_only_the_missing_clips()
    {
        var playlist = Playlist(4);
        var outDir = Path.Combine(_dir, "run");
        Assert.Throws<OperationCanceledException>(() => new RunOrchestrator(TimeProvider.System, new DieAfter(2)).Execute(Options(playlist, outDir)));
        Assert.False(File.Exists(Path.Combine(outDir, "run.json")));

        var progress = new DieAfter(int.MaxValue);
        var resumed = ResumePlan.Load(outDir, Options("ignored", "ignored") with { Playlist = "x" });
        var outcome = Assert.Single(new RunOrchestrator(TimeProvider.System, progress).Execute(resumed));
        Assert.Equal((2, 2), (progress.AlreadyDone, progress.ToPlay));
        var run = RunJson.Read(outDir);
        Assert.True(run.Complete);
        Assert.Equal([0, 1, 2, 3], run.Clips.Select(c => c.Index));
        Assert.Equal(0, run.FeatureMismatches);
        Assert.Equal(outcome.Result.RunId, run.RunId);

        // The timing is the whole run's: the killed session's two clips recorded their own cost.
        var t = run.Timing!;
        Assert.Equal(2, t.Sessions);
        Assert.Equal(4 * 0.6, t.AudioSeconds, 9);
        Assert.Equal(2 * 0.6, t.SessionAudioSeconds, 9);
        Assert.True(t.WallSeconds > t.SessionWallSeconds, $"{t.WallSeconds} vs session {t.SessionWallSeconds}");
        Assert.True(run.Clips.All(c => c.WallSeconds > 0 && c.BytesSent > 0.6 * 8000 * 2 && c.BytesReceived > 0));
        Assert.True(t.BytesSent >= run.Clips.Sum(c => c.BytesSent));
        Assert.Equal(t.AudioSeconds / t.WallSeconds, t.SpeedVsRealTime, 9);
    }

    [Fact]
    public void A_new_run_into_a_folder_holding_a_run_is_refused_naming_it_and_the_way_out()
    {
        var playlist = Playlist(1);
        var outDir = Path.Combine(_dir, "taken");
        new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(Options(playlist, outDir));
        var before = File.ReadAllText(Path.Combine(outDir, "run.json"));
        var e = Assert.Throws<ExistingRunException>(() => new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(Options(playlist, outDir)));
        Assert.Contains($"--out {outDir} already holds a run", e.Message);
        Assert.Contains($"--resume {outDir}", e.Message);
        Assert.Contains("choose another --out", e.Message);
        Assert.Equal(before, File.ReadAllText(Path.Combine(outDir, "run.json")));

        // Several boards keep their stores one level down: still found.
        var multi = Path.Combine(_dir, "taken-multi");
        Directory.CreateDirectory(Path.Combine(multi, "virtual-1"));
        File.WriteAllText(Path.Combine(multi, "virtual-1", "run.db"), "");
        Assert.Throws<ExistingRunException>(() => new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(Options(playlist, multi)));
        Assert.Null(ExistingRun.Find(Path.Combine(_dir, "empty-does-not-exist")));
    }

    [Fact]
    public void Each_stopped_session_adds_to_the_timing_until_the_run_is_complete()
    {
        var playlist = Playlist(3);
        var outDir = Path.Combine(_dir, "stepwise");
        var first = Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(Options(playlist, outDir) with { StopAfterClips = 1 }));
        Assert.False(first.Result.Complete);
        Assert.Equal((1, 0.6), (first.Result.Timing!.Sessions, first.Result.Timing.AudioSeconds));
        for (var session = 2; session <= 3; session++)
        {
            var resumed = ResumePlan.Load(outDir, Options("x", "x") with { StopAfterClips = 1 });
            Assert.True(resumed.Resume);
            var o = Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(resumed));
            Assert.Equal(session, o.Result.Timing!.Sessions);
            Assert.Equal(session * 0.6, o.Result.Timing.AudioSeconds, 9);
            Assert.Equal(0.6, o.Result.Timing.SessionAudioSeconds, 9);
        }
        var run = RunJson.Read(outDir);
        Assert.True(run.Complete);
        Assert.Equal(3 * 0.6, run.Timing!.AudioSeconds, 9);
    }

    [Fact]
    public void Several_boards_hear_each_clip_once_and_get_a_run_each()
    {
        var playlist = Playlist(2);
        var outDir = Path.Combine(_dir, "multi");
        var outcomes = new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(Options(playlist, outDir, "virtual", "virtual"));
        Assert.Equal(["virtual-0", "virtual-1"], outcomes.Select(o => o.BoardId));
        foreach (var o in outcomes)
        {
            var run = RunJson.Read(Path.Combine(outDir, o.BoardId));
            Assert.Equal(2, run.Clips.Count);
            Assert.Equal(0, run.FeatureMismatches);
            Assert.Equal(CycleUnit.HostCycles, run.Cycles!.Unit);
            Assert.True(run.Timing!.BytesSent > 2 * 0.6 * 8000 * 2);
            Assert.Equal(run.Timing.BytesSent / (run.Timing.Baud / 10.0), run.Timing.WireLimitSeconds, 6);
            Assert.Equal(Rig.Core.Profiles.ProfileCatalog.Load("py32f003").Serial.Baud, run.Timing.Baud);
            Assert.Equal(PhysicalLimit.HostToBoardUart, run.Timing.PhysicalLimit);
            Assert.Equal(run.Timing.WireLimitSeconds, run.Timing.PhysicalLimitSeconds, 9);
        }
    }

    [Fact]
    public void Acoustic_mode_diffs_what_the_board_captured()
    {
        var playlist = Playlist(2);
        var outDir = Path.Combine(_dir, "acoustic");
        var outcome = Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(Options(playlist, outDir) with { Mode = RunMode.Acoustic }));
        Assert.Equal(0, outcome.Result.FeatureMismatches);
        Assert.All(outcome.Result.Clips, c => Assert.Equal((int)((0.6 * 8000 - 128) / 64) + 1, c.Frames));
        var t = outcome.Result.Timing!;
        Assert.Equal(PhysicalLimit.AudioDuration, t.PhysicalLimit);
        Assert.Equal(t.AudioSeconds, t.PhysicalLimitSeconds);
        // The board streams its capture (16-bit PCM, 16 kB/s at 8 kHz) back: that direction carries most.
        Assert.True(t.BytesReceived > 2 * 0.6 * 8000 * 2, $"{t.BytesReceived} bytes received");
        Assert.Equal(t.ReceiveLimitSeconds <= t.AudioSeconds, t.UartKeepsUp);
    }

    [Fact]
    public void Acoustic_mode_on_a_uart_too_slow_for_the_capture_stream_says_it_does_not_keep_up()
    {
        // py32f003 at 115200 baud: 11.5 kB/s cannot carry 16 kB/s of captured audio back.
        var yaml = File.ReadAllText(Path.Combine(Rig.Core.RepoPaths.Profiles, "py32f003.yaml"));
        Assert.Contains("baud: 460800", yaml);
        var slow = Path.Combine(_dir, "py32f003.yaml");
        File.WriteAllText(slow, yaml.Replace("baud: 460800", "baud: 115200", StringComparison.Ordinal));
        var outcome = Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress())
            .Execute(Options(Playlist(1), Path.Combine(_dir, "slow")) with { Mode = RunMode.Acoustic, Profile = slow }));
        var t = outcome.Result.Timing!;
        Assert.Equal(115200, t.Baud);
        Assert.True(t.ReceiveLimitSeconds > t.AudioSeconds, $"{t.ReceiveLimitSeconds} s to carry {t.AudioSeconds} s");
        Assert.False(t.UartKeepsUp);
        Assert.Equal(t.AudioSeconds, t.PhysicalLimitSeconds);
    }

    [Fact]
    public void Bad_board_names_are_refused_with_the_expected_forms() =>
        Assert.Contains("serial:<port>", Assert.Throws<ArgumentException>(() => BoardTarget.Parse("usb0")).Message);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
