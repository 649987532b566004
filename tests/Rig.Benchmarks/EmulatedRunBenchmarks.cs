using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Rig.Audio.Playlists;
using Rig.Core;
using Rig.Core.Runs;
using Rig.Runs.Orchestration;
using RunMode = Rig.Core.Runs.RunMode;

namespace Rig.Benchmarks;

/// <summary>
/// The reference playlist (108 s of audio) in inject mode on py32f003: the shipped ARM image on an emulated board
/// next to the same run on the native virtual board. Target (issue 17): the emulated run's wall time at most a fifth
/// of its audio time (under 21.6 s): the `WallOverAudio` column. The emulated board runs as `rig run --board emulated`
/// does (stack high-water from the core's own lowest SP, no per-instruction trace); `--profile-functions` adds the
/// trace, measured by <see cref="ProfilerBenchmarks"/>. The ARM image is built by the global setup, the native board by the first (jitting) run: neither is timed.
/// Wall time moves with the machine's load, so every run also logs its process CPU time and the load average
/// (lines starting with "// run"): a wall far above the CPU time is a busy machine, not the rig.
/// </summary>
[Config(typeof(AudioTimeConfig))]
public class EmulatedRunBenchmarks
{
    private static readonly string s_playlist = Path.Combine(RepoPaths.Playlists, "reference.yaml");
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
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var outcome = new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(new RunOptions
        {
            Profile = "py32f003",
            Playlist = s_playlist,
            Boards = [BoardTarget.Parse(board)],
            Mode = RunMode.Inject,
            OutDir = Path.Combine(_outRoot, $"run{_run++}"),
            HistoryStore = Path.Combine(_outRoot, "history.db"),
        });
        var result = outcome[0].Result;
        if (result.FeatureMismatches != 0 || !result.Complete)
            throw new InvalidOperationException($"the {board} run is not a reference run: complete {result.Complete}, {result.FeatureMismatches} feature mismatches");
        var timing = result.Timing!;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// run {board}: wall {timing.WallSeconds:0.00} s, process CPU {cpu.TotalSeconds:0.00} s, audio {timing.AudioSeconds:0} s, load average {LoadAverage()}"));
        return timing.WallSeconds / timing.AudioSeconds;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    [Benchmark(Baseline = true)]
    public double ReferencePlaylistVirtualPy32f003() => Run("virtual");

    [Benchmark]
    public double ReferencePlaylistEmulatedPy32f003() => Run("emulated");

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_outRoot, recursive: true);

    /// <summary>
    /// In process (no separate benchmark executable to build), one warm-up and three runs each, and a timeout far
    /// above the in-process default of 5 minutes: an emulated run on a loaded 2-core machine takes several.
    /// </summary>
    private sealed class AudioTimeConfig : ManualConfig
    {
        public AudioTimeConfig()
        {
            AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true))
                .WithWarmupCount(1).WithIterationCount(3));
            AddColumn(new WallOverAudioColumn());
        }
    }

    /// <summary>Mean wall time of a run divided by the playlist's audio time: the number (target <= 0.2 emulated).</summary>
    private sealed class WallOverAudioColumn : IColumn
    {
        public string Id => "WallOverAudio";
        public string ColumnName => "WallOverAudio";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "mean wall time of the run / audio time of the reference playlist (issue 17: <= 0.2 on the emulated board)";
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (summary[benchmarkCase]?.ResultStatistics is not { } stats) return "-";
            var audio = Playlist.Load(s_playlist).TotalSeconds;
            return (stats.Mean / 1e9 / audio).ToString("0.000", CultureInfo.InvariantCulture);
        }
    }
}
