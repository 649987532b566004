using Rig.Core.Runs;
using Rig.Runs.Link;
using Rig.Runs.Orchestration;

namespace Rig.Runs.Tests.Orchestration;

public sealed class RunOrchestratorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rig-run-test-").FullName;

    private string Playlist(int clips)
    {
        var labels = new[] { "jazz", "dog_bark", "metal", "background", "disco", "jackhammer" };
        var lines = new List<string> { "name: tiny", "items:" };
        for (var i = 0; i < clips; i++) lines.Add($"  - {{name: c{i}, label: {labels[i % labels.Length]}, synth: {labels[i % labels.Length]}, seed: {100 + i}, duration: 0.6}}");
        var path = Path.Combine(_dir, "tiny.yaml");
        File.WriteAllLines(path, lines);
        return path;
    }

    private RunOptions Options(string playlist, string outDir, params string[] boards) => new()
    {
        Profile = "py32f003",
        Playlist = playlist,
        Boards = (boards.Length == 0 ? ["virtual"] : boards).Select(BoardTarget.Parse).ToList(),
        Mode = "inject",
        OutDir = outDir,
        HistoryStore = Path.Combine(_dir, "history.db"),
        Report = false,
    };

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
        Assert.Equal((2, 2), (run.Timing!.ClipsBefore, run.Timing.ClipsThisSession));
    }

    [Fact]
    public void A_second_run_into_a_folder_that_holds_one_is_refused_not_mixed()
    {
        var playlist = Playlist(1);
        var outDir = Path.Combine(_dir, "twice");
        var first = Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(Options(playlist, outDir)));
        Assert.Equal((0, 1), (first.Result.Timing!.ClipsBefore, first.Result.Timing.ClipsThisSession));
        var e = Assert.Throws<ArgumentException>(() => new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(Options(playlist, outDir)));
        Assert.Contains("--resume", e.Message);
        Assert.Contains(outDir, e.Message);
        Assert.Equal(first.Result.RunId, RunJson.Read(outDir).RunId);
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
            Assert.Equal("host-cycles", run.Cycles!.Unit);
            Assert.True(run.Timing!.BytesSent > 2 * 0.6 * 8000 * 2);
            Assert.Equal(Rig.Core.Profiles.ProfileCatalog.Load("py32f003").Serial.Baud, run.Timing.Baud);
            Assert.Equal(run.Timing.BytesSent / (run.Timing.Baud / 10.0), run.Timing.WireLimitSeconds, 6);
        }
    }

    [Fact]
    public void Acoustic_mode_diffs_what_the_board_captured()
    {
        var playlist = Playlist(2);
        var outDir = Path.Combine(_dir, "acoustic");
        var outcome = Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(Options(playlist, outDir) with { Mode = "acoustic" }));
        Assert.Equal(0, outcome.Result.FeatureMismatches);
        Assert.All(outcome.Result.Clips, c => Assert.Equal((int)((0.6 * 8000 - 128) / 64) + 1, c.Frames));
        var t = outcome.Result.Timing!;
        Assert.False(t.ReturnStreamExceedsWire);
        Assert.Equal(t.AudioSeconds, t.PhysicalLimitSeconds, 9);
    }

    [Fact]
    public void Acoustic_mode_on_a_uart_too_slow_for_the_capture_stream_is_flagged()
    {
        // py32f003 at 115200 baud: 11,520 B/s cannot carry the 8 kHz capture coming back.
        var slow = Path.Combine(_dir, "py32f003.yaml");
        File.WriteAllText(slow, File.ReadAllText(Path.Combine(Rig.Core.RepoPaths.Profiles, "py32f003.yaml")).Replace("baud: 460800", "baud: 115200"));
        var outcome = Assert.Single(new RunOrchestrator(TimeProvider.System, new SilentProgress())
            .Execute(Options(Playlist(1), Path.Combine(_dir, "slow")) with { Profile = slow, Mode = "acoustic" }));
        var t = outcome.Result.Timing!;
        Assert.Equal(115200, t.Baud);
        Assert.True(t.ReturnStreamExceedsWire);
        Assert.Equal(t.ReceiveLimitSeconds, t.PhysicalLimitSeconds, 9);
        Assert.True(t.PhysicalLimitSeconds > t.AudioSeconds);
    }

    [Fact]
    public void Bad_board_names_are_refused_with_the_expected_forms() =>
        Assert.Contains("serial:<port>", Assert.Throws<ArgumentException>(() => BoardTarget.Parse("usb0")).Message);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
