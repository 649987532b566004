using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rig.Core.Profiles;
using Rig.Emulation;
using Rig.Emulation.Cpu;
using Rig.Emulation.Profiling;
using Rig.Emulation.Tracing;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig emulate &lt;firmware.elf&gt; --profile &lt;p&gt; [--max-cycles n] [--trace file | --profile-functions] [--until symbol] [--json]`: runs an image
/// headless on the rig's Cortex-M simulator (rig/Rig.Emulation) and prints cycles, instructions, CPI,
/// why it stopped, the PC and its symbol. Exit 0 when the image ended itself (BKPT, semihosting exit,
/// reset request), 1 when it faulted (its own HardFault, lockup), 2 for bad input: a wrong ELF, a
/// segment outside the chip, an access to unmapped or unmodelled memory, an unimplemented encoding,
/// a run past --max-cycles, a sleep nothing can wake.
/// </summary>
public static partial class EmulateCommand
{
    public const int ImageFault = 1;

    public static Command Create()
    {
        var elf = new Argument<FileInfo?>("firmware.elf") { Description = "the image to run", Arity = ArgumentArity.ZeroOrOne };
        var profile = new Option<string?>("--profile", "-p") { Description = $"board profile: {ProfileHelp.Choices}; the chip's memory map and core (required; omit it only for a self-test)" };
        var maxCycles = new Option<ulong>("--max-cycles") { Description = "stop after this many core cycles (exit 2)", DefaultValueFactory = _ => 100_000_000 };
        var trace = new Option<FileInfo?>("--trace") { Description = "write one line per executed instruction to this file (omit: no trace)" };
        var json = new Option<bool>("--json") { Description = "print the result as JSON (keys cycles, instructions, cpi, exitReason, pc, symbol, message, address; functionProfile, stack and RAM with --profile-functions)" };
        var functions = new Option<bool>("--profile-functions") { Description = "profile the run per function (self and total cycles, calls, shares of the frontend and of an inference) and measure the stack high-water (lowest SP) and the SRAM written from main() on; prints the top 30" };
        var until = new Option<string?>("--until") { Description = "end the run (exit 0) when the PC reaches this ELF symbol, e.g. selftest_done of the selftest programs (omit: the image ends the run itself, or --max-cycles does)" };
        var command = new Command("emulate", "Run a firmware image on the rig's Cortex-M0+/M4 instruction-set simulator") { elf, profile, maxCycles, trace, json, functions, until };
        var gdb = AddGdb(command);
        // Hook for the QEMU lockstep self-test (iss-oracle, EmulateCommand.Selftest.cs): it adds its options
        // and returns an exit code when the command line asks for the self-test, null otherwise.
        Func<ParseResult, int?>? selftest = null;
        AddSelftest(command, ref selftest);
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            if (selftest?.Invoke(parse) is { } code) return code;
            var file = parse.GetValue(elf) ?? throw new InvalidDataException("rig emulate: no firmware.elf given (usage: rig emulate <firmware.elf> --profile <p>)");
            var name = parse.GetValue(profile) ?? throw new InvalidDataException("rig emulate: --profile is required (the chip the image is for)");
            if (gdb(parse) is { } server) return RunGdb(file.FullName, name, server);
            return Run(file.FullName, name, parse.GetValue(maxCycles), parse.GetValue(trace), parse.GetValue(json), parse.GetValue(functions), parse.GetValue(until));
        }));
        return command;
    }

    static partial void AddSelftest(Command command, ref Func<ParseResult, int?>? run);

    static int Run(string elfPath, string profileName, ulong maxCycles, FileInfo? traceFile, bool json, bool profileFunctions, string? until)
    {
        if (maxCycles == 0) throw new InvalidDataException("--max-cycles: 0 cycles runs nothing; give a positive budget");
        if (traceFile is not null && profileFunctions) throw new InvalidDataException("--trace and --profile-functions: give one of them (each watches every instruction)");
        var profile = ProfileCatalog.Load(profileName);
        var chip = EmulatedChip.Create(profile, elfPath);
        var stopAt = until is null ? (uint?)null
            : chip.Symbols.AddressOf(until) ?? throw new InvalidDataException($"--until: {elfPath} has no symbol '{until}'");
        var probe = profileFunctions ? FirmwareProbe.Create(chip.Core, chip.Elf) : null;
        EmulationStop stop;
        using (var writer = traceFile is null ? null : new StreamWriter(traceFile.FullName, append: false, new System.Text.UTF8Encoding(false), bufferSize: 1 << 16))
        {
            IInstructionTrace? trace = writer is null ? probe : new InstructionTraceWriter(writer);
            if (stopAt is { } address) trace = new StopAtAddress(trace, address, until!);
            chip.Core.Trace = trace;
            stop = chip.Core.Run(maxCycles);
            chip.Core.Trace = null;
        }
        var core = chip.Core;
        var cpi = core.Instructions == 0 ? 0 : (double)core.Cycles / core.Instructions;
        var measured = probe?.Result();
        if (json) Console.Out.WriteLine(Json(core, cpi, stop, measured));
        else
        {
            Console.Out.Write(Text(profile, core, cpi, stop));
            if (measured is not null) FunctionProfileText.Write(measured, profile.Board.ClockHz);
        }
        var code = ExitCode(stop.Reason);
        if (code != 0) Console.Error.WriteLine($"error: {elfPath}: {Describe(stop)}");
        return code;
    }

    static int ExitCode(StopReason reason) => reason switch
    {
        StopReason.Breakpoint or StopReason.Exit or StopReason.ResetRequested => 0,
        StopReason.Fault => ImageFault,
        _ => CliErrors.BadInput,
    };

    static string Describe(EmulationStop stop) =>
        $"{stop.Reason} at pc 0x{stop.Pc:X8}{(stop.Symbol.Length > 0 ? $" ({stop.Symbol})" : "")}"
        + (stop.Address is { } a ? $", address 0x{a:X8}" : "") + $": {stop.Message}";

    static string Text(BoardProfile profile, ArmCore core, double cpi, EmulationStop stop) =>
        string.Create(CultureInfo.InvariantCulture, $"""
            {profile.Name} ({profile.Board.Mcu}, {core.Kind}) at {profile.Board.ClockHz / 1e6:0.##} MHz
            cycles        {core.Cycles:N0} ({core.Cycles / (double)profile.Board.ClockHz * 1e3:0.###} ms of chip time; {core.SleepCycles:N0} asleep)
            instructions  {core.Instructions:N0}
            CPI           {cpi:0.000}
            exit reason   {stop.Reason}
            pc            0x{stop.Pc:X8}
            symbol        {(stop.Symbol.Length > 0 ? stop.Symbol : "-")}
            message       {stop.Message}

            """);

    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static string Json(ArmCore core, double cpi, EmulationStop stop, FirmwareMeasurements? measured)
    {
        var o = new Dictionary<string, object?>
        {
            ["cycles"] = core.Cycles,
            ["instructions"] = core.Instructions,
            ["cpi"] = Math.Round(cpi, 4),
            ["exitReason"] = stop.Reason.ToString(),
            ["pc"] = stop.Pc,
            ["symbol"] = stop.Symbol,
            ["message"] = stop.Message,
            ["address"] = stop.Address,
            ["sleepCycles"] = core.SleepCycles,
        };
        if (measured is not null)
        {
            o["functionProfile"] = FunctionProfileEntries.From(measured.Profile!);
            o["emulatorStackHighWaterBytes"] = measured.StackHighWaterBytes;
            o["ramTouchedBytes"] = measured.RamTouchedBytes;
            o["staticRamBytes"] = measured.StaticRamBytes;
            o["staticRamTouchedBytes"] = measured.StaticRamTouchedBytes;
        }
        return JsonSerializer.Serialize(o, JsonOptions);
    }
}
