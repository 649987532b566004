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

return CliErrors.Run(() =>
{
    // A missing required option, an unknown value or a malformed number is bad input: exit 2, not the library's 1.
    var parsed = root.Parse(args);
    if (parsed.Errors.Count == 0) return parsed.Invoke();
    foreach (var error in parsed.Errors) Console.Error.WriteLine("error: " + error.Message);
    var path = new List<string>();
    for (var c = parsed.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult) path.Insert(0, c.Command.Name);
    Console.Error.WriteLine($"(run '{string.Join(' ', path)} --help' for the usage)");
    return CliErrors.BadInput;
});
