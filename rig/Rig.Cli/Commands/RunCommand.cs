using System.CommandLine;
using System.Runtime.InteropServices;
using System.Globalization;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Elf.Build;
using Rig.Elf.Memory;
using Rig.Reports;
using Rig.Runs.Link;
using Rig.Runs.Orchestration;
using Spectre.Console;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig run [--profile py32f003] [--playlist playlists/reference.yaml] [--board virtual|emulated|serial:&lt;port&gt;]...
/// [--mode inject|acoustic] [--out dir] [--energy] [--resume dir]`: plays the playlist through the
/// board(s), diffs every feature value against the golden model and writes run.json + the report.
/// Exit 0 all features agree, 1 some feature value differs or an emulated board's image faulted (HardFault, lockup),
/// 2 bad input, a board that failed (an emulated one: a register its model lacks, no HELLO in emulated time), or a run stopped by
/// Ctrl-C/SIGTERM (after its clip in flight, with run.json marked incomplete).
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile", "-p") { Description = $"board profile: {ProfileHelp.Choices}", DefaultValueFactory = _ => "py32f003" };
        var playlist = new Option<string>("--playlist") { Description = "playlist YAML", DefaultValueFactory = _ => "playlists/reference.yaml" };
        var board = new Option<string[]>("--board", "-b") { Description = "virtual (the firmware's C core on this host, host time), emulated (the profile's ARM image on the rig's Cortex-M simulator, " +
                          "exact and deterministic emulated MCU cycles; the image is --firmware or the profile's, built as `rig mem` builds it), or serial:<port>; " +
                          "repeat for several boards, kinds mixed (one clip, many listeners)", AllowMultipleArgumentsPerToken = false, DefaultValueFactory = _ => ["virtual"] };
        var mode = new Option<string>("--mode", "-m") { Description = "inject (PCM over serial, bit-exact path) or acoustic (speaker -> room -> mic)", DefaultValueFactory = _ => "inject" };
        mode.AcceptOnlyFromAmong([.. JsonNames.All<RunMode>()]);
        var output = new Option<string?>("--out", "-o") { Description = "run directory, which must not hold a run already (default: runs/<profile>-<UTC timestamp>)" };
        var energy = new Option<bool>("--energy") { Description = "measure energy per inference with the INA219 (virtual INA219 for virtual boards)" };
        var resume = new Option<string?>("--resume") { Description = "continue the stopped run in this directory with its own profile, playlist, mode and boards, playing only the clips not yet committed (default: start a new run)" };
        var paced = new Option<bool>("--paced-uart") { Description = "virtual boards: pace the pseudo-terminal like the profile's UART (10 bit times per byte at serial.baud each way, RX ring of serial.rx_buffer_bytes), so the wall time shows the wire-time limit" };
        var store = new Option<string?>("--store") { Description = "history store: a SQLite file or a farm's PostgreSQL server, postgres://user@host/db (default RIG_STORE or runs/history.db)" };
        var lineFaults = new Option<string?>("--line-faults")
        {
            Description = "put a seeded chaos link between the host and each board (virtual or serial:, so a real board's firmware can be checked too): " +
                          Rig.Simulation.Link.LineFaults.Grammar + ". Byte faults hit each direction on its own; run.json records what was injected (link.injectedFaults)",
        };
        var firmware = new Option<string?>("--firmware") { Description = "firmware image whose flash and RAM the run records for the gate, and which emulated boards run (default: firmware/build/<profile>/firmware.elf, built or refreshed with cmake; not measured without arm-none-eabi-gcc)" };
        var profileFunctions = new Option<bool>("--profile-functions")
        {
            Description = "emulated boards: trace every instruction for the per-function profile and the SRAM written (run.json functionProfile, " +
                          "stats.emulatorRamTouchedBytes, the report's table and plot; about 2x the CPU time). Without it an emulated board measures " +
                          "the emulator's stack high-water only (as `rig profile` does with it)",
        };
        var anyImage = new Option<bool>("--any-image") { Description = "run a board whatever image it holds: without it a board whose HELLO build id differs from the expected image's (--firmware, else the profile's image; a virtual board's executable) is refused, exit 2, naming both ids" };
        var lockDir = LockDirOption.Create();
        var gdb = new Option<string?>("--gdb") { Description = "--board emulated only: serve the emulated board to gdb on [host]:port (e.g. :3333); the run halts it (--gdb-halt) until gdb continues (it waits --gdb-wait seconds). Omitted: no server, nothing halts" };
        var gdbWait = new Option<int>("--gdb-wait") { Description = "seconds the halted board waits for gdb's first connection (then exit 2)", DefaultValueFactory = _ => 600 };
        var gdbHalt = new Option<string>("--gdb-halt")
        {
            Description = "where the --gdb board halts: first-clip (default: after the handshake, before the first clip) or reset (at its reset vector before its first " +
                          "instruction, with the profile's image in flash, for `rig flash --via gdb://` or gdb's load; the handshake runs once gdb lets go and expects --firmware)",
            DefaultValueFactory = _ => "first-clip",
        };
        gdbHalt.AcceptOnlyFromAmong("first-clip", "reset");
        var command = new Command("run", "Play a playlist through the board(s) and check every feature value against the golden model")
        {
            profile, playlist, board, mode, output, energy, resume, store, paced, lineFaults, firmware, anyImage, profileFunctions, lockDir, gdb, gdbWait, gdbHalt,
        };
        command.SetAction(parse => CliErrors.Run(parse, () => Run(() => new RunOptions
        {
            Profile = parse.GetValue(profile)!,
            Playlist = ResolvePlaylist(parse.GetValue(playlist)!),
            Boards = (parse.GetValue(board) is { Length: > 0 } b ? b : ["virtual"]).Select(BoardTarget.Parse).ToList(),
            Mode = JsonNames.Parse<RunMode>(parse.GetValue(mode)) ?? throw new ArgumentException($"--mode '{parse.GetValue(mode)}': expected inject or acoustic"),
            OutDir = parse.GetValue(output) ?? DefaultOut(parse.GetValue(profile)!),
            Energy = parse.GetValue(energy),
            HistoryStore = parse.GetValue(store),
            PacedUart = parse.GetValue(paced),
            LineFaults = parse.GetValue(lineFaults) is { } spec ? Rig.Simulation.Link.LineFaults.Parse(spec) : null,
            Firmware = parse.GetValue(firmware) is { } elf ? Path.GetFullPath(elf) : null,
            ProfileFunctions = parse.GetValue(profileFunctions),
            Gdb = GdbOptions(parse.GetValue(gdb), parse.GetValue(gdbWait), parse.GetValue(gdbHalt) == "reset", parse.GetValue(board)),
            AnyImage = parse.GetValue(anyImage),
            BoardLocks = LockDirOption.Resolve(parse.GetValue(lockDir), (parse.GetValue(board) ?? []).Select(BoardTarget.Parse), parse.GetValue(resume) is not null),
        }, parse.GetValue(resume), parse.GetResult(board) is { Implicit: false }, parse.GetValue(firmware))));
        return command;
    }

    private static Rig.Emulation.Gdb.GdbServerOptions? GdbOptions(string? endpoint, int waitSeconds, bool atReset, string[]? boards)
    {
        if (endpoint is null) return atReset ? throw new InvalidDataException("--gdb-halt reset: give --gdb [host]:port too (the server gdb or `rig flash` connects to)") : null;
        if (boards is not ["emulated"]) throw new InvalidDataException($"--gdb {endpoint}: serves one emulated board; give --board emulated (got {(boards is null ? "none" : string.Join(", ", boards))})");
        if (waitSeconds <= 0) throw new InvalidDataException($"--gdb-wait {waitSeconds}: give a positive number of seconds");
        return Rig.Emulation.Gdb.GdbServerOptions.Parse(endpoint) with { AttachWait = TimeSpan.FromSeconds(waitSeconds), StartHalted = atReset };
    }

    private static string ResolvePlaylist(string path) =>
        File.Exists(path) || Path.IsPathRooted(path) ? Path.GetFullPath(path) : Path.Combine(RepoPaths.Root, path);

    private static string DefaultOut(string profile) =>
        Path.Combine(RepoPaths.Root, "runs", $"{profile}-{TimeProvider.System.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");

    private static int Run(Func<RunOptions> readOptions, string? resume, bool boardsGiven, string? firmware)
    {
        // Ctrl-C or SIGTERM: finish the clip in flight, commit it and write run.json marked incomplete
        // (`--resume` continues it). A second Ctrl-C ends the process at once, as usual.
        using var stop = new CancellationTokenSource();
        PosixSignalRegistration Register(PosixSignal signal) => PosixSignalRegistration.Create(signal, ctx =>
        {
            if (stop.IsCancellationRequested) return;
            ctx.Cancel = true;
            Console.Error.WriteLine($"{signal}: stopping after the clip in flight (press Ctrl-C again to quit at once)");
            stop.Cancel();
        });
        using var onInt = Register(PosixSignal.SIGINT);
        using var onTerm = Register(PosixSignal.SIGTERM);
        try
        {
            var options = readOptions();
            if (resume is not null) options = ResumePlan.Load(Path.GetFullPath(resume), options, boardsGiven);
            // Bad input first: a broken profile or playlist is refused before any firmware build or board start.
            ProfileCatalog.Load(options.Profile);
            Rig.Audio.Playlists.Playlist.Load(options.Playlist);
            var (memory, image) = MeasureMemory(options.Profile, firmware);
            options = options with { Memory = memory, ProfileImage = firmware is null ? image : null };
            IReadOnlyList<RunOutcome> outcomes = [];
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var progress = new SpectreRunProgress(ctx, $"{options.Profile} {JsonNames.Of(options.Mode)} on {string.Join(", ", options.Boards)}");
                    outcomes = new RunOrchestrator(TimeProvider.System, progress).Execute(options, stop.Token);
                });
            var mismatches = false;
            var interrupted = false;
            var imageFault = false;
            var boardFailed = false;
            foreach (var o in outcomes)
            {
                var r = o.Result;
                // The report is made from run.json after the run, like `rig report`: orchestration only measures.
                var report = r.Complete ? ReportGenerator.Write(o.RunDir).IndexHtml : null;
                var t = r.Timing!;
                AnsiConsole.MarkupLineInterpolated($"[bold]{o.BoardId}[/] {r.Profile} {JsonNames.Of(r.Mode)}: accuracy {r.Accuracy:P1}, feature mismatches {r.FeatureMismatches}, model mismatches {r.ModelMismatches}, clips {r.Clips.Count}{(r.Complete ? "" : " (incomplete)")}");
                foreach (var line in RunSummaryText.Timing(t, r.Mode)) Console.Out.WriteLine(line);
                Console.Out.WriteLine(RunSummaryText.Power(r.Power));
                Console.Out.WriteLine($"  cycles ({(r.Cycles is { } clock ? clock.ClockOrUnit.Name() : "not measured")}): {(r.Cycles is { } cycles ? JsonNames.Of(cycles.Unit) : "")} frontend/column median {r.Cycles?.FrontendPerColumn.Median:0}, model/inference median {r.Cycles?.ModelPerInference.Median:0}; link: {r.Link.FramesReceived} frames, {r.Link.CrcErrors} CRC errors, {r.Link.Retries} retries");
                if (r.Firmware is { } fw)
                    Console.Out.WriteLine($"  firmware: build id {fw.BuildId ?? "none reported"}" + (fw.Elf is null ? "" : $", expected {fw.ExpectedBuildId ?? "none"} from {fw.Elf}") +
                                          (fw.Checked ? " (checked)" : " (not checked)") + (r.BoardUid is { } uid ? $"; board unique ID {uid}" : ""));
                if (r.Link.InjectedFaults is { } injected) Console.Out.WriteLine(RunSummaryText.InjectedFaults(injected));
                Console.Out.WriteLine($"  run: {Path.Combine(o.RunDir, "run.json")}" + (report is null ? "" : $"\n  report: {report}"));
                mismatches |= r.FeatureMismatches != 0 || r.ModelMismatches != 0;
                foreach (var c in r.Clips.Where(c => c.FirstDivergingLayer is not null))
                    Console.Out.WriteLine($"  model diverges in clip {c.Name}: {c.FirstDivergingLayer!.Describe()}");
                interrupted |= o.Interrupted;
                if (o.Failure is { } failure)
                {
                    // The other boards went on; this one's image faulted (exit 1) or the emulator could not go on (exit 2).
                    Console.Error.WriteLine($"error: board {o.BoardId}: {failure.Message}");
                    if (failure.ImageFault) imageFault = true; else boardFailed = true;
                }
            }
            if (interrupted)
                Console.Error.WriteLine($"error: run stopped after {outcomes.Max(o => o.Result.Clips.Count)} clips: run.json is marked incomplete; continue it with `rig run --resume {options.OutDir}`");
            foreach (var o in outcomes.Where(o => o.HistoryError is not null)) Console.Error.WriteLine("error: " + o.HistoryError);
            return boardFailed || outcomes.Any(o => o.HistoryError is not null) ? CliErrors.BadInput : mismatches || imageFault ? 1 : interrupted ? CliErrors.BadInput : 0;
        }
        catch (Rig.Emulation.Boards.Host.EmulatedBoardStoppedException e)
        {
            // Before any clip (the handshake): the image's fault is exit 1, the emulator's limit exit 2.
            Console.Error.WriteLine("error: " + e.Message);
            return e.ImageFault ? 1 : CliErrors.BadInput;
        }
        catch (Exception e) when (e is BoardLinkException or BoardRefusedException or ConfigHashMismatchException or WrongImageException or ArgumentException
                                       or DirectoryNotFoundException or Polly.CircuitBreaker.BrokenCircuitException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return CliErrors.BadInput;
        }
    }

    /// <summary>
    /// The image's memory for run.json and the image a serial board must run; a missing cross compiler leaves both
    /// unknown (memory not measured, build id not checked), a bad --firmware file is an error.
    /// </summary>
    private static (MemoryResult? Memory, string? Elf) MeasureMemory(string profileName, string? firmware)
    {
        var profile = ProfileCatalog.Load(profileName);
        if (firmware is not null) return (RunMemory.From(FirmwareMemory.Profile(Path.GetFullPath(firmware), profile)), Path.GetFullPath(firmware));
        var outcome = new FirmwareMemory(new FirmwareBuilder(RepoPaths.Firmware)).ProfileDefaultImage(profile);
        if (outcome.Report is { } report)
        {
            Console.Out.WriteLine($"memory: flash {report.FlashBytes} B, RAM {report.RamBytes} B (static {report.StaticRamBytes} + stack {report.StackReserveBytes}) from {Path.GetRelativePath(RepoPaths.Root, report.ElfPath)}");
            return (RunMemory.From(report), report.ElfPath);
        }
        Console.Error.WriteLine($"memory not measured, build id not checked: {outcome.NotMeasuredReason}");
        return (null, null);
    }

    internal sealed class SpectreRunProgress(ProgressContext ctx, string title) : IRunProgress
    {
        private ProgressTask? _task;

        public void Begin(int clipsToPlay, int alreadyDone)
        {
            _task = ctx.AddTask(Markup.Escape(title + (alreadyDone > 0 ? $" (resuming after {alreadyDone} clips)" : "")), maxValue: Math.Max(1, clipsToPlay));
            if (clipsToPlay == 0) _task.Value = 1;
        }

        public void ClipDone(string clipName, string summary)
        {
            _task?.Increment(1);
            _task?.Description(Markup.Escape($"{title}: {clipName} -> {summary}"));
        }

        public void Message(string text) => AnsiConsole.MarkupLine(Markup.Escape(text));
    }
}
