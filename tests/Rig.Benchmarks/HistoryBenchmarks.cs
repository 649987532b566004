using BenchmarkDotNet.Attributes;
using Rig.Core.Runs;
using Rig.Reports;
using Rig.Store.History;
using Rig.TestSupport;

namespace Rig.Benchmarks;

/// <summary>
/// FARM target: `rig history` over 1,000 stored runs (54 clips each, four hosts) answers in under 1 s on both stores:
/// open the store (schema check), read the 1,000 newest runs of the profile and draw their trend plot. PostgreSQL is
/// RIG_TEST_POSTGRES or a throw-away cluster over a unix socket.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class HistoryBenchmarks
{
    private const int Runs = 1000;
    private TempDir _tmp = null!;
    private PostgresServer? _server;
    private string _location = "";

    [Params("sqlite", "postgres")]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup()
    {
        _tmp = new TempDir();
        if (Store == "postgres")
        {
            _server = PostgresServer.Start();
            _location = _server.CreateDatabase();
        }
        else _location = _tmp.Sub("history.db");
        var template = SampleRun.Write(_tmp.Sub("template"), 1, new SampleRunShape { Clips = 54, FeatureClips = 0, Power = false });
        using var store = HistoryStores.OpenAt(_location);
        for (var i = 0; i < Runs; i++)
            store.Record(template with { RunId = $"py32f003-night-{i:D4}", Host = $"rig-{i % 4}", StartedAt = template.StartedAt.AddDays(i), Accuracy = 0.7 + i % 30 / 100.0 }, null);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _server?.Dispose();
        _tmp.Dispose();
    }

    [Benchmark]
    public int History1000Runs()
    {
        using var store = HistoryStores.OpenAt(_location);
        var runs = store.History("py32f003", Runs);
        if (runs.Count != Runs) throw new InvalidOperationException($"{runs.Count} runs read, {Runs} stored");
        return HistoryTrends.Png(runs).Length;
    }
}
