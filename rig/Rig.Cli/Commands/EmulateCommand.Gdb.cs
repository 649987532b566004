using System.CommandLine;
using Rig.Core.Profiles;
using Rig.Emulation.Boards;
using Rig.Emulation.Gdb;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig emulate &lt;elf&gt; --profile p --gdb :port [--gdb-wait s]`: the emulated board (chip, image and the board's
/// peripherals) halted at its reset vector behind a GDB server; it runs while gdb lets it (continue), in real time
/// at most. Exit 0 when gdb kills it (`kill`), 1 when the image faulted, 2 for bad input or no gdb within --gdb-wait.
/// </summary>
public static partial class EmulateCommand
{
    static Func<ParseResult, GdbServerOptions?> AddGdb(Command command)
    {
        var gdb = new Option<string?>("--gdb") { Description = "serve the emulated board to gdb on [host]:port (e.g. :3333), halted at reset: gdb-multiarch firmware.elf -ex 'target extended-remote :3333'. Omitted: no server, the image runs headless" };
        var wait = new Option<int>("--gdb-wait") { Description = "seconds the halted board waits for gdb's first connection (then exit 2)", DefaultValueFactory = _ => 600 };
        command.Options.Add(gdb);
        command.Options.Add(wait);
        return parse =>
        {
            if (parse.GetValue(gdb) is not { } text) return null;
            var seconds = parse.GetValue(wait);
            if (seconds <= 0) throw new InvalidDataException($"--gdb-wait {seconds}: give a positive number of seconds");
            return GdbServerOptions.Parse(text) with { AttachWait = TimeSpan.FromSeconds(seconds), StartHalted = true };
        };
    }

    static int RunGdb(string elfPath, string profileName, GdbServerOptions options)
    {
        var profile = ProfileCatalog.Load(profileName);
        using var board = EmulatedBoard.Start(profile, elfPath);
        using var server = GdbServer.Start(board, options, Console.Error);
        Console.Out.WriteLine($"gdb server: {board.Name} halted at reset (pc 0x{board.Core.Pc:x8}) on localhost:{server.Port}");
        Console.Out.WriteLine($"connect: gdb-multiarch {elfPath} -ex 'target extended-remote localhost:{server.Port}'");
        Console.Out.Flush();
        var ended = GdbBoardRunner.Run(board, server, TimeProvider.System, CancellationToken.None);
        if (ended is null)
        {
            Console.Out.WriteLine($"gdb killed {board.Name} at cycle {board.Cycles:N0}");
            return 0;
        }
        Console.Error.WriteLine($"error: {ended.Message}");
        return ended.ImageFault ? ImageFault : CliErrors.BadInput;
    }
}
