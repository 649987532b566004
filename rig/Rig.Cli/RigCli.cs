using System.CommandLine;
using Rig.Cli.Commands;

namespace Rig.Cli;

/// <summary>What one invocation of the rig answered; <see cref="Bug"/> is set when an unexpected exception ended it.</summary>
public sealed record CliOutcome(int ExitCode, Exception? Bug);

/// <summary>
/// The `rig` command line: every command under one root with the global --verbose flag, and the one place that
/// turns what escapes a command into an exit code. Program.cs calls it; tests call it in-process.
/// </summary>
public static class RigCli
{
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("""
            rig: hardware-in-the-loop test and benchmarking for audio classifiers on microcontrollers.
            With no hardware attached every command runs against virtual boards (the real firmware C code
            on a pseudo-terminal), so `rig run` works on any Linux machine.
            Exit codes: 0 success, 1 a measured failure (feature mismatch, regression), 2 bad input or cannot compare.
            """);
        root.Options.Add(new Option<bool>(CliErrors.VerboseOption) { Description = "show the stack trace of an error (default: the message only)", Recursive = true });
        // One line per command; each command lives in Commands/<Name>Command.cs.
        Command[] commands =
        [
            MemCommand.Create(),
            EmulateCommand.Create(),
            ProfileCommand.Create(),
            RunCommand.Create(),
            FlashCommand.Create(),
            ReportCommand.Create(),
            HistoryCommand.Create(),
            GateCommand.Create(),
            BaselineCommand.Create(),
            PowerCommand.Create(),
            TablesCommand.Create(),
            CrosscheckCommand.Create(),
            TrainCommand.Create(),
            PlaylistCommand.Create(),
            ModelCommand.Create(),
            SoundsCommand.Create(),
        ];
        foreach (var command in commands) root.Subcommands.Add(command);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>: a command line the parser refuses is exit 2, and so is any exception, with one message.</summary>
    public static CliOutcome Execute(string[] args)
    {
        var root = CreateRoot();
        ParseResult parse;
        try
        {
            parse = root.Parse(args);
        }
        catch (Exception e) when (CliErrors.Refusal(e) is { } message)
        {
            Console.Error.WriteLine("error: " + message);
            return new CliOutcome(CliErrors.BadInput, null);
        }
        var verbose = CliErrors.IsVerbose(parse);
        var unknown = UnknownOptions(args, parse.CommandResult).ToList();
        if (parse.Errors.Count > 0 || unknown.Count > 0)
        {
            // An optional argument swallows "--typo" as its value, and a missing required option then hides it: name it.
            foreach (var option in unknown) Console.Error.WriteLine($"error: unknown option '{option}'");
            foreach (var error in parse.Errors) Console.Error.WriteLine("error: " + error.Message);
            var name = string.Join(' ', Path(parse.CommandResult));
            Console.Error.WriteLine($"see `{name} --help`");
            return new CliOutcome(CliErrors.BadInput, null);
        }
        try
        {
            // The default handler prints a stack trace and exits 1 ("a measured failure"): errors are ours to report.
            return new CliOutcome(parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }), null);
        }
        catch (Exception e) when (CliErrors.Refusal(e) is { } message)
        {
            Console.Error.WriteLine("error: " + message);
            if (verbose) Console.Error.WriteLine(e);
            return new CliOutcome(CliErrors.BadInput, null);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"error: rig failed unexpectedly ({e.GetType().Name}: {e.Message}); this is a bug in the rig, please report it"
                                    + (verbose ? Environment.NewLine + e : " (run again with --verbose for the stack trace)"));
            return new CliOutcome(CliErrors.BadInput, e);
        }
    }

    /// <summary>Words spelled like a long option that no command on the path (nor a recursive option above it) knows.</summary>
    private static IEnumerable<string> UnknownOptions(string[] args, System.CommandLine.Parsing.CommandResult? command)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        for (var r = command; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            foreach (var option in r.Command.Options)
            {
                known.Add(option.Name);
                foreach (var alias in option.Aliases) known.Add(alias);
            }
        return args.TakeWhile(a => a != "--").Where(a => a.StartsWith("--", StringComparison.Ordinal) && !known.Contains(a.Split('=')[0])).Distinct();
    }

    private static IEnumerable<string> Path(System.CommandLine.Parsing.CommandResult? r)
    {
        var names = new Stack<string>();
        for (; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult) names.Push(r.Parent is null ? "rig" : r.Command.Name);
        return names;
    }
}
