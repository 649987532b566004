using BenchmarkDotNet.Attributes;
using Rig.Core;
using Rig.Core.Runs;
using Rig.Runs.Orchestration;

namespace Rig.Benchmarks;

/// <summary>
/// The reference playlist (108 s of audio) in inject mode on py32f003: the shipped ARM image on an emulated board
/// next to the same run on the native virtual board. Target (issue 17): the emulated run's wall time at most a fifth
/// of its audio time (under 21.6 s); each benchmark returns wall / audio seconds. The emulated board runs as
/// `rig run --board emulated` does (stack high-water from the core, no per-instruction trace); `--profile-functions`
/// adds the trace, measured by <see cref="ProfilerBenchmarks"/>. The image is built by the global setup, not timed.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class EmulatedRunBenchmarks
{
    private string _outRoot = "";
    private int _run;

    [GlobalSetup]
    public void Setup()
    {
        _outRoot = Directory.CreateTempSubdirectory("rig-bench-emulated-").FullName;
        Rig.Runs.Parts.RigParts.EmulatedImage(Rig.Core.Profiles.ProfileCatalog.Load("py32f003"));
    }

    private double Run(string board)
    {
        var outcome = new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(new RunOptions
        {
            Profile = "py32f003",
            Playlist = Path.Combine(RepoPaths.Playlists, "reference.yaml"),
            Boards = [BoardTarget.Parse(board)],
            Mode = RunMode.Inject,
            OutDir = Path.Combine(_outRoot, $"run{_run++}"),
            HistoryStore = Path.Combine(_outRoot, "history.db"),
        });
        var timing = outcome[0].Result.Timing!;
        return timing.WallSeconds / timing.AudioSeconds;
    }

    [Benchmark(Baseline = true)]
    public double ReferencePlaylistVirtualPy32f003() => Run("virtual");

    [Benchmark]
    public double ReferencePlaylistEmulatedPy32f003() => Run("emulated");

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_outRoot, recursive: true);
}
