using System.Reflection;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Core.Runs;

namespace Rig.Runs.Orchestration;

/// <summary>Assembles run.json for one board from its clips, link counters and timing.</summary>
public static class RunResultBuilder
{
    /// <param name="wallSeconds">Host wall time of this session.</param>
    /// <param name="audioSeconds">Audio played in this session; earlier sessions' share comes from their stored clips.</param>
    public static RunResult Build(BoardRun run, BoardProfile profile, DateTimeOffset finishedAt, bool complete, double wallSeconds,
                                  double audioSeconds, ModelSummary? model, PowerResult power)
    {
        var clips = run.Done.Values.Concat(run.Clips).OrderBy(c => c.Index).ToList();
        var labels = Labels.All;
        var counts = labels.Select(_ => new int[labels.Count]).ToArray();
        foreach (var c in clips)
        {
            var predicted = Labels.IndexOf(c.Predicted);
            if (predicted >= 0) counts[Labels.IndexOf(c.Label)][predicted]++;
        }
        var hello = run.Session.Hello;
        var baud = profile.Serial.Baud;
        var timing = Timing(run, baud, wallSeconds, audioSeconds);
        // Every column and inference of every clip (earlier sessions' from the store); clip medians only for a store
        // written before raw counts were kept, where nothing better exists.
        var frontend = Distribution.Of(run.SamplesComplete ? run.ColumnCycles : clips.Select(c => c.CyclesPerStage.GetValueOrDefault("frontend")?.Median ?? 0).ToList());
        var inference = Distribution.Of(run.SamplesComplete ? run.ModelCycles : clips.Select(c => c.CyclesPerStage.GetValueOrDefault("model")?.Median ?? 0).ToList());
        // Real-time margin: the share of one hop left after the frontend's column and the model's
        // share of an inference (one inference per half window of columns).
        var hopCycles = hello.CyclesHz * (double)profile.Frontend.Hop / profile.Frontend.SampleRate;
        var busy = frontend.Median + inference.Median / Math.Max(1, profile.Classifier.WindowHopColumns);
        var stats = run.LastStats;
        var clock = MeasurementClocks.Of(hello.McuCycles, emulated: run.Emulated is not null);
        var measured = run.Probe?.Result();
        var boardStats = stats is null ? run.EarlierStats : BoardStatsOf(stats);
        return new RunResult
        {
            RunId = run.Header.RunId,
            Profile = profile.Name,
            Mode = run.Header.Mode,
            Board = run.Target.ToString(),
            BoardUid = hello.UniqueId,
            Firmware = run.Firmware with { BuildId = hello.BuildId },
            Playlist = run.Header.Playlist,
            ConfigHash = $"0x{hello.ConfigHash:X8}",
            StartedAt = run.Header.StartedAt,
            FinishedAt = finishedAt,
            Complete = complete,
            Accuracy = clips.Count == 0 ? 0 : clips.Count(c => c.Predicted == c.Label) / (double)clips.Count,
            FeatureMismatches = clips.Sum(c => c.MismatchingValues),
            ModelMismatches = clips.Sum(c => c.ModelMismatchingValues),
            Clips = clips,
            Confusion = new ConfusionMatrix(labels, counts),
            Stats = measured is null || boardStats is null ? boardStats
                : boardStats with { EmulatorStackHighWaterBytes = measured.StackHighWaterBytes, EmulatorRamTouchedBytes = measured.RamTouchedBytes },
            FunctionProfile = measured?.Profile is { } profiled ? Rig.Emulation.Profiling.FunctionProfileEntries.From(profiled) : null,
            Cycles = new CycleSummary(clock.CycleUnit(), hello.CyclesHz, frontend, inference, hopCycles > 0 && frontend.Count > 0 ? 1 - busy / hopCycles : null)
            {
                Clock = clock,
            },
            Model = model,
            Power = power,
            Timing = timing,
            // Earlier sessions' share comes from their stored clips: the run's link health covers every session.
            Link = LinkTotals.Plus(run.EarlierLink, LinkTotals.Session(run)),
            Versions = new Dictionary<string, string>
            {
                ["firmware"] = hello.FirmwareVersion,
                ["protocol"] = run.Session.Link.ProtocolVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["board"] = hello.BoardName,
                ["rig"] = typeof(RunResultBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev",
                ["model"] = model?.Name ?? "unknown",
            },
        };
    }

    /// <summary>A board that reports stack size 0 cannot paint a stack (PROTOCOL.md, STATS): its zeros are "not measured", not measurements.</summary>
    public static BoardStats BoardStatsOf(Rig.Protocol.Messages.StatsReport stats) =>
        stats.StackSize == 0
            ? new BoardStats(null, null, stats.DroppedSamples, (int)stats.FrontendBytes) { NotMeasured = "stack high-water and static RAM: not measured on a host board" }
            : new BoardStats((int)stats.StackHighWater, (int)stats.StaticRam, stats.DroppedSamples, (int)stats.FrontendBytes);

    /// <summary>
    /// The whole run's timing: this session (link counters, loop wall time) plus what the clips of earlier
    /// sessions recorded; and the physical limit of the mode with whether the UART keeps up.
    /// </summary>
    private static TimingResult Timing(BoardRun run, int baud, double sessionWall, double sessionAudio)
    {
        var earlier = run.Done.Values;
        // A clip from a store older than per-clip wall times adds none: the whole-run wall time is then a lower bound.
        var wall = sessionWall + earlier.Sum(c => c.WallSeconds ?? 0);
        var audio = sessionAudio + earlier.Sum(c => c.DurationSeconds);
        double sent = run.Session.Link.BytesSent + earlier.Sum(c => c.BytesSent);
        double received = run.Session.Link.BytesReceived + earlier.Sum(c => c.BytesReceived);
        var bytesPerSecond = baud / 10.0;
        var toBoard = sent / bytesPerSecond;
        var toHost = received / bytesPerSecond;
        var acoustic = run.Header.Mode == RunMode.Acoustic;
        // Acoustic: the sound plays in real time, so the audio is the limit; the UART must still carry the
        // board's stream (captured audio + features) back within it. Inject: the slower wire direction.
        var (limit, what) = acoustic ? (audio, PhysicalLimit.AudioDuration)
            : toBoard >= toHost ? (toBoard, PhysicalLimit.HostToBoardUart) : (toHost, PhysicalLimit.BoardToHostUart);
        var keepsUp = (acoustic ? toHost : Math.Max(toBoard, toHost)) <= audio;
        return new TimingResult(wall, audio, toBoard, sent, baud, wall > 0 ? audio / wall : 0)
        {
            BytesReceived = received,
            ReceiveLimitSeconds = toHost,
            PhysicalLimitSeconds = limit,
            PhysicalLimit = what,
            UartKeepsUp = keepsUp,
            Sessions = run.PreviousSessions + 1,
            SessionAudioSeconds = sessionAudio,
            SessionWallSeconds = sessionWall,
            Wire = run.Wire,
            WirePaced = run.Wire != WireKind.UnpacedPty,
            WallOverWireLimit = toBoard > 0 ? wall / toBoard : null,
        };
    }
}
