using Rig.Core;
using Rig.Core.Runs;

namespace Rig.TestSupport;

/// <summary>What optional parts a generated run has.</summary>
public sealed record SampleRunShape
{
    public int Clips { get; init; } = 24;
    public bool Power { get; init; } = true;
    public bool Memory { get; init; } = true;
    public bool Cycles { get; init; } = true;
    public bool Model { get; init; } = true;
    public int FeatureClips { get; init; } = 3;
    /// <summary>A label added to the label set and given to some clips (for escaping tests).</summary>
    public string? ExtraLabel { get; init; }
    public int MismatchClips { get; init; } = 1;
    /// <summary>Clips (the first ones) whose model output differs from the golden twin's; 0: no model diff at all.</summary>
    public int ModelMismatchClips { get; init; }
    public string Profile { get; init; } = "py32f003";
    public string ConfigHash { get; init; } = "0x5eed1234";
    /// <summary>An emulated board's run: a function profile and the emulator's stack and RAM figures.</summary>
    public bool Emulated { get; init; }
}

/// <summary>
/// Builds a realistic, seeded run: clips with mostly-right predictions, per-stage cycle
/// distributions, feature files, a power trace and ELF sections, then writes it as a run directory
/// exactly as `rig run` would (run.json + features/ + power.csv).
/// </summary>
public static class SampleRun
{
    private static readonly (string Stage, double Median)[] s_stages = [("window", 1800), ("fft", 14500), ("power", 2600), ("mel", 4100), ("log", 1300), ("model", 38000)];

    public static RunResult Write(string dir, int seed, SampleRunShape? shape = null)
    {
        Directory.CreateDirectory(dir);
        var run = Create(dir, seed, shape ?? new SampleRunShape());
        RunJson.Write(dir, run);
        return run;
    }

    private static RunResult Create(string dir, int seed, SampleRunShape shape)
    {
        var rng = new Random(seed);
        var labels = Labels.All.ToList();
        if (shape.ExtraLabel is not null) labels.Add(shape.ExtraLabel);
        var clips = new List<ClipResult>();
        for (var i = 0; i < shape.Clips; i++)
        {
            var label = labels[i % labels.Count];
            var predicted = rng.NextDouble() < 0.8 ? label : labels[rng.Next(labels.Count)];
            var frames = 60 + rng.Next(70);
            var mismatching = i < shape.MismatchClips ? 1 + rng.Next(20) : 0;
            string? featureFile = null;
            if (i < shape.FeatureClips) featureFile = WriteFeatures(dir, i, frames, 20, mismatching, rng);
            clips.Add(new ClipResult
            {
                Index = i,
                Name = $"{label}_{i:D3}.wav",
                Label = label,
                Predicted = predicted,
                Scores = labels.Select(l => l == predicted ? 20000 + rng.Next(9000) : rng.Next(8000)).ToList(),
                Frames = frames,
                Windows = Math.Max(1, (frames - 32) / 16 + 1),
                MismatchingValues = mismatching,
                MaxAbsDifference = mismatching > 0 ? 1 + rng.Next(4) : 0,
                FirstDifferingStage = mismatching > 0 ? "log" : null,
                CyclesPerStage = shape.Cycles ? s_stages.ToDictionary(s => s.Stage, s => Spread(s.Median, frames, rng)) : new Dictionary<string, Distribution>(),
                Retries = rng.Next(10) == 0 ? 1 : 0,
                DurationSeconds = Math.Round(0.2 + rng.NextDouble(), 3),
                FeatureFile = featureFile,
            });
            if (shape.ModelMismatchClips > 0) clips[^1] = ModelDiffed(clips[^1], i < shape.ModelMismatchClips ? 2 + i : 0);
        }
        var confusion = labels.Select(t => (IReadOnlyList<int>)labels.Select(p => clips.Count(c => c.Label == t && c.Predicted == p)).ToList()).ToList();
        var started = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero).AddMinutes(seed);
        var run = new RunResult
        {
            RunId = $"run-{seed:D4}",
            Profile = shape.Profile,
            Mode = RunMode.Inject,
            Board = "virtual",
            Playlist = "playlists/reference.yaml",
            ConfigHash = shape.ConfigHash,
            StartedAt = started,
            FinishedAt = started.AddSeconds(40 + shape.Clips),
            Complete = true,
            Accuracy = clips.Count == 0 ? 0 : (double)clips.Count(c => c.Label == c.Predicted) / clips.Count,
            FeatureMismatches = clips.Sum(c => c.MismatchingValues),
            ModelMismatches = clips.Sum(c => c.ModelMismatchingValues),
            Clips = clips,
            Confusion = new ConfusionMatrix(labels, confusion),
            Stats = new BoardStats(StackHighWaterBytes: 410 + rng.Next(60), StaticRamBytes: 2900, DroppedSamples: 0, FrontendRamBytes: 980),
            Cycles = shape.Cycles ? new CycleSummary(CycleUnit.HostCycles, 24_000_000, new Distribution(24300 + rng.Next(300), 26100, 27900, 4000), new Distribution(38000 + rng.Next(500), 39100, 40200, 300), 0.31) : null,
            Model = shape.Model ? new ModelSummary("tiny-cnn-q7", 41_800, 1_760, 1_180) : null,
            Power = shape.Power ? WritePower(dir, rng) : null,
            Memory = shape.Memory ? new MemoryResult(FlashBytes: 19_870 + rng.Next(100), RamBytes: 3_320, FrontendRamBytes: 980, StackReserveBytes: 768,
                Sections: new Dictionary<string, int> { [".text"] = 14_200, [".rodata"] = 5_500, [".data"] = 170, [".bss"] = 2_382, [".stack"] = 768 }) : null,
            Timing = new TimingResult(WallSeconds: 12.5, AudioSeconds: shape.Clips * 1.0, WireLimitSeconds: 11.1, BytesSent: 128_000, Baud: 115_200, SpeedVsRealTime: 1.9),
            Link = new LinkCounters { FramesReceived = 5000 + rng.Next(1000), CrcErrors = 2, GarbageBytes = 17, Resyncs = 1, Retries = 1, RetryLog = ["clip 7: timeout waiting for RESULT, retried (1/3)"] },
            Versions = new Dictionary<string, string> { ["rig"] = "0.1.0", ["firmware"] = "test" },
        };
        if (!shape.Emulated) return run;
        var stack = run.Stats!.StackHighWaterBytes;
        return run with
        {
            Board = "emulated",
            Stats = run.Stats with { EmulatorStackHighWaterBytes = stack, EmulatorRamTouchedBytes = 2_400 + rng.Next(300) },
            FunctionProfile = FunctionProfile(rng),
        };
    }

    /// <summary>The clip with every window's model output compared, <paramref name="differing"/> int8 values apart (not from the seed's random stream, so runs of one seed differ in this only).</summary>
    private static ClipResult ModelDiffed(ClipResult clip, int differing) => clip with
    {
        ModelWindows = clip.Windows,
        ModelMismatchingValues = differing,
        FirstDivergingLayer = differing > 0 ? new LayerDivergence(0, 2, "CONV_2D", differing, 960, 17, 5, 6) : null,
    };

    private static readonly string[] s_functions =
        ["rig_fft_q15", "rig_frontend_push", "mel_bands", "rig_model_trace", "log2_q15", "requantize", "window_apply", "memcpy", "rig_app_poll", "uart_irq"];

    /// <summary>A profile shaped like an emulated run's: self cycles falling off, totals above them, shares of the frontend and the model.</summary>
    private static IReadOnlyList<FunctionProfileEntry> FunctionProfile(Random rng)
    {
        var self = 9_000_000L + rng.Next(500_000);
        var list = new List<FunctionProfileEntry>();
        foreach (var name in s_functions)
        {
            var calls = 100L + rng.Next(50_000);
            var inFrontend = name is "rig_fft_q15" or "rig_frontend_push" or "mel_bands" or "log2_q15" or "window_apply";
            var inModel = name is "rig_model_trace" or "requantize";
            list.Add(new FunctionProfileEntry(name, self, self + rng.Next(2_000_000), calls)
            {
                FrontendShare = inFrontend ? Math.Round(0.05 + rng.NextDouble() * 0.3, 4) : null,
                InferenceShare = inModel ? Math.Round(0.1 + rng.NextDouble() * 0.5, 4) : null,
            });
            self = (long)(self * (0.45 + rng.NextDouble() * 0.4));
        }
        return list;
    }

    private static Distribution Spread(double median, int frames, Random rng)
    {
        var m = median * (0.97 + rng.NextDouble() * 0.06);
        return new Distribution(Math.Round(m), Math.Round(m * 1.04), Math.Round(m * 1.09), frames);
    }

    private static string WriteFeatures(string dir, int clip, int frames, int bands, int mismatching, Random rng)
    {
        var golden = new List<short[]>();
        for (var f = 0; f < frames; f++)
        {
            var col = new short[bands];
            for (var b = 0; b < bands; b++)
                col[b] = (short)(2000 + 1500 * Math.Sin(f * 0.15 + b * 0.4) - b * 60 + rng.Next(200));
            golden.Add(col);
        }
        var board = golden.Select(c => (short[])c.Clone()).ToList();
        for (var k = 0; k < mismatching; k++) board[rng.Next(frames)][rng.Next(bands)] += (short)(1 + rng.Next(3));
        return ClipFeatures.Write(dir, clip, board, golden);
    }

    private static PowerResult WritePower(string dir, Random rng)
    {
        var samples = new List<PowerSample>();
        for (var i = 0; i < 3000; i++)
        {
            var t = i * 0.000532;
            var inWindow = (i / 250) % 2 == 1;
            var p = (inWindow ? 7.1 : 0.9) + rng.NextDouble() * 0.3;
            samples.Add(new PowerSample(t, p, inWindow ? 1 : 0));
        }
        PowerTraceCsv.Write(Path.Combine(dir, "power.csv"), samples);
        return new PowerResult(true, null, EnergyPerInferenceUj: 182.4 + rng.Next(10), ActivePowerMw: 7.25, IdlePowerMw: 1.0, Samples: samples.Count,
            BusVoltageV: 3.29, InferencesInWindow: 24, WindowSeconds: 0.8, TraceFile: "power.csv");
    }
}
