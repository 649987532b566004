using BenchmarkDotNet.Attributes;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Reports;

namespace Rig.Benchmarks;

/// <summary>
/// REPORTS target: `rig report` of a 100-clip run (every clip with a feature file, a 20 000-sample
/// power trace, all sections present) in under 3 s, and index.html under 5 MB.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private string _runDir = "";
    private BoardProfile _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        _runDir = Path.Combine(Path.GetTempPath(), "rig-report-bench-" + Guid.NewGuid().ToString("N")[..8]);
        _profile = ProfileCatalog.Load("py32f003");
        RunJson.Write(_runDir, HundredClipRun(_runDir, new Random(100)));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_runDir, recursive: true);

    [Benchmark]
    public long Report100Clips()
    {
        var r = ReportGenerator.Write(_runDir, new ReportOptions { Profile = _profile, LookUpDefaults = false });
        if (r.HtmlBytes >= 5 * 1024 * 1024) throw new InvalidOperationException($"index.html is {r.HtmlBytes} bytes, over 5 MB");
        return r.HtmlBytes;
    }

    private static RunResult HundredClipRun(string dir, Random rng)
    {
        string[] stages = ["window", "fft", "power", "mel", "log", "model"];
        var labels = Labels.All;
        var clips = new List<ClipResult>();
        for (var i = 0; i < 100; i++)
        {
            var label = labels[i % labels.Count];
            var predicted = rng.NextDouble() < 0.85 ? label : labels[rng.Next(labels.Count)];
            var golden = Enumerable.Range(0, 125).Select(f => Enumerable.Range(0, 20).Select(b => (short)(2000 + 1500 * Math.Sin(f * 0.1 + b * 0.3) + rng.Next(100))).ToArray()).ToList();
            var board = golden.Select(c => (short[])c.Clone()).ToList();
            if (i % 10 == 0) board[rng.Next(125)][rng.Next(20)]++;
            clips.Add(new ClipResult
            {
                Index = i, Name = $"{label}_{i:D3}.wav", Label = label, Predicted = predicted, Frames = 125, Windows = 6,
                Scores = labels.Select(_ => rng.Next(32768)).ToList(),
                MismatchingValues = i % 10 == 0 ? 1 : 0, MaxAbsDifference = i % 10 == 0 ? 1 : 0, FirstDifferingStage = i % 10 == 0 ? "log" : null,
                CyclesPerStage = stages.ToDictionary(s => s, s => new Distribution(1000 + rng.Next(20000), 22000, 24000, 125)),
                DurationSeconds = 1, FeatureFile = ClipFeatures.Write(dir, i, board, golden),
            });
        }
        var trace = Enumerable.Range(0, 20_000).Select(i => new PowerSample(i * 0.000532, (i / 500 % 2 == 1 ? 7 : 1) + rng.NextDouble() * 0.2, i / 500 % 2)).ToList();
        PowerTraceCsv.Write(Path.Combine(dir, "power.csv"), trace);
        var confusion = labels.Select(t => (IReadOnlyList<int>)labels.Select(p => clips.Count(c => c.Label == t && c.Predicted == p)).ToList()).ToList();
        return new RunResult
        {
            RunId = "bench", Profile = "py32f003", Mode = RunMode.Inject, Board = "virtual", Playlist = "bench", ConfigHash = "0x1",
            Complete = true, Accuracy = clips.Count(c => c.Label == c.Predicted) / 100.0, FeatureMismatches = clips.Sum(c => c.MismatchingValues),
            Clips = clips, Confusion = new ConfusionMatrix(labels, confusion),
            Cycles = new CycleSummary(CycleUnit.HostCycles, 24e6, new Distribution(24000, 25000, 26000, 12500), new Distribution(38000, 39000, 40000, 600), 0.3),
            Model = new ModelSummary("bench", 40000, 1700, 1100),
            Power = new PowerResult(true, null, 180, 7, 1, trace.Count, 3.3, 20, 0.5, "power.csv"),
            Memory = new MemoryResult(19800, 3300, 980, 768, new Dictionary<string, int> { [".text"] = 14000, [".rodata"] = 5600, [".data"] = 200, [".bss"] = 2300, [".stack"] = 768 }),
        };
    }
}
