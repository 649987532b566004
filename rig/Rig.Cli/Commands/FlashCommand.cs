using System.CommandLine;
using Rig.Core.Profiles;
using Rig.Flash;
using Rig.Flash.Gdb;
using Rig.Flash.Image;
using Rig.Flash.Tools;
using Rig.Runs.Link;
using Rig.Runs.Orchestration;
using Rig.Runs.Parts;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig flash --profile p [elf] [--via gdb://host:port|picotool|nrfjprog|openocd|st-flash] [--board serial:&lt;port&gt;]`:
/// programs the image (default: the profile's, built as `rig mem` builds it) through the profile's programmer or --via,
/// verifies every section, resets the board and checks its build id: from HELLO when --board names where the board talks,
/// else read back from the target's flash. Exit 0 the board holds the image, 1 it does not (a section or the build id
/// differs), 2 bad input, a missing tool or an unreachable probe (one line saying what to install or check).
/// </summary>
public static class FlashCommand
{
    public const int NotFlashed = 1;

    public static Command Create()
    {
        var profile = new Option<string>("--profile", "-p") { Description = $"board profile: {ProfileHelp.Choices}", Required = true };
        var elf = new Argument<FileInfo?>("firmware.elf") { Description = "the image to flash (default: firmware/build/<profile>/firmware.elf, built or refreshed with cmake)", Arity = ArgumentArity.ZeroOrOne };
        var via = new Option<string?>("--via") { Description = $"programmer: {FlashVia.Forms} (default: the profile's programmer.via)" };
        var board = new Option<string?>("--board", "-b") { Description = "serial:<port> where the flashed board talks: its HELLO must report the image's build id (omitted: the build id is read back from flash)" };
        var timeout = new Option<double>("--timeout") { Description = "seconds one programmer step (a GDB answer, a tool run) may take", DefaultValueFactory = _ => 120 };
        var lockDir = LockDirOption.Create();
        var command = new Command("flash", "Program a board with a firmware image, verify it, reset it and check its build id") { profile, elf, via, board, timeout, lockDir };
        command.SetAction(parse => CliErrors.Run(parse, () => Run(parse.GetValue(profile)!, parse.GetValue(elf), parse.GetValue(via), parse.GetValue(board),
                                                                   parse.GetValue(timeout), parse.GetValue(lockDir))));
        return command;
    }

    private static int Run(string profileName, FileInfo? elfFile, string? viaText, string? boardText, double timeoutSeconds, string? lockDir)
    {
        try
        {
            var profile = ProfileCatalog.Load(profileName);
            if (timeoutSeconds is <= 0 or > 3600) throw new ArgumentException($"--timeout {timeoutSeconds}: expected 0 < seconds <= 3600");
            var via = FlashVia.Parse(viaText ?? profile.Programmer?.Via
                ?? throw new ArgumentException($"{profile.SourceFile}: no programmer: section; give --via {FlashVia.Forms}"));
            var target = boardText is null ? null : BoardTarget.Parse(boardText);
            if (target is { IsSerial: false }) throw new ArgumentException($"--board {boardText}: rig flash checks a flashed board on serial:<port>");
            var path = elfFile?.FullName ?? RigParts.EmulatedImage(profile);
            var image = FlashImage.Load(path);
            var expected = image.BuildId?.Id;
            Console.Out.WriteLine($"flash {path} ({image.Bytes} B, build id {expected ?? "none"}) via {via}");
            var report = Programmer(via, profile, TimeSpan.FromSeconds(timeoutSeconds)).Flash(image, readBackBuildId: target is null, new ConsoleProgress());

            if (!report.AllMatch)
            {
                Console.Error.WriteLine($"error: the target does not hold the image: {string.Join(", ", report.Sections.Where(s => !s.Matches).Select(s => $"{s.Name} at 0x{s.Address:X8} ({s.Bytes} B) differs"))}");
                return NotFlashed;
            }
            var reported = target is null ? report.BuildIdReadBack : Hello(target.Port!, profile, lockDir);
            var where = target is null ? "read back from flash" : $"HELLO on {target.Port}";
            if (expected is not null && reported != expected)
            {
                Console.Error.WriteLine($"error: after flashing, the board's build id ({where}) is {reported ?? "none"}, but {path} has {expected}" +
                                        (report.Reset ? "" : " (the programmer could not reset the board: reset it and check again)"));
                return NotFlashed;
            }
            Console.Out.WriteLine($"flashed: {report.Sections.Count} sections match, {(report.Reset ? "board reset" : "board NOT reset")}, build id {reported ?? "not checked (the image has none)"} ({where})");
            return 0;
        }
        catch (Exception e) when (e is ProgrammerUnavailableException or ArgumentException or ConfigHashMismatchException or BoardLinkException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return CliErrors.BadInput;
        }
    }

    private static IProgrammer Programmer(FlashVia via, BoardProfile profile, TimeSpan timeout) => via.Kind switch
    {
        ProgrammerKind.Gdb => new GdbProgrammer(via.Host!, via.Port, timeout),
        ProgrammerKind.Picotool => new ToolProgrammer(new Picotool(), timeout),
        ProgrammerKind.Nrfjprog => new ToolProgrammer(new Nrfjprog(), timeout),
        ProgrammerKind.StFlash => new ToolProgrammer(new StFlash(), timeout),
        ProgrammerKind.Openocd => new ToolProgrammer(new Openocd(profile.Programmer?.OpenocdConfig is { Count: > 0 } config ? config
            : throw new ArgumentException($"{profile.SourceFile}: openocd needs programmer.openocd_config (its -f files, e.g. \"interface/stlink.cfg target/stm32l4x.cfg\")")), timeout),
        _ => throw new ArgumentException($"--via {via}: not a programmer"),
    };

    private static string? Hello(string port, BoardProfile profile, string? lockDir)
    {
        var locks = LockDirOption.Resolve(lockDir, [BoardTarget.Parse("serial:" + port)], resuming: false);
        var hello = BoardHello.Ask(port, profile, locks, TimeProvider.System);
        Console.Out.WriteLine($"  board on {port}: HELLO {hello.BoardName}, protocol v{hello.ProtocolVersion}, build id {hello.BuildId ?? "none"}" +
                              (hello.UniqueId is { } uid ? $", unique ID {uid}" : ""));
        return hello.BuildId;
    }

    private sealed class ConsoleProgress : IFlashProgress
    {
        public void Step(string text) => Console.Out.WriteLine("  " + text);
    }
}
