using System.CommandLine;
using Rig.Cli.Commands;

var root = new RootCommand("""
    rig: hardware-in-the-loop test and benchmarking for audio classifiers on microcontrollers.
    With no hardware attached every command runs against virtual boards (the real firmware C code
    on a pseudo-terminal), so `rig run` works on any Linux machine.
    """);

// One line per command; each command lives in Commands/<Name>Command.cs.
Command[] commands =
[
    MemCommand.Create(),
    RunCommand.Create(),
    ReportCommand.Create(),
    HistoryCommand.Create(),
    GateCommand.Create(),
    BaselineCommand.Create(),
    PowerCommand.Create(),
    TablesCommand.Create(),
    CrosscheckCommand.Create(),
    TrainCommand.Create(),
    SoundsCommand.Create(),
];
foreach (var command in commands) root.Subcommands.Add(command);

return CliErrors.Run(() => root.Parse(args).Invoke());
