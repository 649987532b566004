using Rig.Core.Runs;
using BenchmarkDotNet.Attributes;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Protocol.Framing;
using Rig.Runs.Orchestration;

namespace Rig.Benchmarks;

/// <summary>
/// LINK: frame decoding throughput (the host must keep up with any UART: 1 MB/s is 10 Mbaud), and
/// the reference playlist through one virtual board in inject mode. Target: the run's wall time
/// at most a tenth of the playlist's audio (108 s of audio -> under 10.8 s). Paced like each
/// profile's UART (`rig run --paced-uart`), the same playlist: target wall time within 10% of the
/// wire-time limit, bytes sent / (baud / 10); the benchmark returns wall / limit (1.10 at most).
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class LinkBenchmarks
{
    private byte[] _stream = [];
    private readonly List<Frame> _frames = new(16384);
    private string _outRoot = "";
    private int _run;

    [GlobalSetup]
    public void Setup()
    {
        var wire = new List<byte>();
        var payload = Enumerable.Range(0, 128).Select(i => (byte)i).ToArray();
        for (var i = 0; wire.Count < 1 << 20; i++) wire.AddRange(FrameFormat.Encode(MessageType.Feature, (byte)i, payload));
        _stream = wire.ToArray();
        _outRoot = Directory.CreateTempSubdirectory("rig-bench-run-").FullName;
    }

    [Benchmark]
    public int DecodeOneMegabyte()
    {
        _frames.Clear();
        new FrameDecoder().Push(_stream, _frames);
        return _frames.Count;
    }

    [Benchmark]
    public double ReferencePlaylistInjectPy32f003()
    {
        var outcome = new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(new RunOptions
        {
            Profile = "py32f003",
            Playlist = Path.Combine(RepoPaths.Playlists, "reference.yaml"),
            Boards = [BoardTarget.Parse("virtual")],
            Mode = RunMode.Inject,
            OutDir = Path.Combine(_outRoot, $"run{_run++}"),
            HistoryStore = Path.Combine(_outRoot, "history.db"),
        });
        return outcome[0].Result.Timing!.SpeedVsRealTime;
    }

    /// <summary>Every profile of the checkout (profiles/*.yaml).</summary>
    public static IEnumerable<string> Profiles => ProfileCatalog.Names();

    [Benchmark]
    [ArgumentsSource(nameof(Profiles))]
    public double ReferencePlaylistPacedUartWallOverWireLimit(string profile)
    {
        var outcome = new RunOrchestrator(TimeProvider.System, new SilentProgress()).Execute(new RunOptions
        {
            Profile = profile,
            Playlist = Path.Combine(RepoPaths.Playlists, "reference.yaml"),
            Boards = [BoardTarget.Parse("virtual")],
            Mode = RunMode.Inject,
            OutDir = Path.Combine(_outRoot, $"run{_run++}"),
            HistoryStore = Path.Combine(_outRoot, "history.db"),
            PacedUart = true,
        });
        return outcome[0].Result.Timing!.WallOverWireLimit ?? double.NaN;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_outRoot, recursive: true);
}
