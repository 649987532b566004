using Rig.Cli;

namespace Rig.Cli.Tests.Support;

/// <summary>What one in-process `rig` invocation answered, with what it wrote.</summary>
public sealed record InProcessOutcome(int ExitCode, Exception? Bug, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}{(Bug is null ? "" : $" (bug: {Bug})")}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>
/// Runs the rig's command line in this process through <see cref="RigCli.Execute"/> (the entry point Program.cs
/// uses), with the console captured. Tests using it belong to the <see cref="ConsoleCollection"/>, which runs alone,
/// because the console is one per process.
/// </summary>
public static class InProcessRig
{
    private static readonly Lock s_console = new();

    public static InProcessOutcome Run(params string[] args)
    {
        lock (s_console)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                var outcome = RigCli.Execute(args);
                return new InProcessOutcome(outcome.ExitCode, outcome.Bug, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }
}

/// <summary>Tests that swap the process's console; nothing else runs beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}
