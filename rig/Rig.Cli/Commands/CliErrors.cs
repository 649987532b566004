using System.CommandLine;
using Microsoft.Data.Sqlite;
using Rig.Core.Config;

namespace Rig.Cli.Commands;

/// <summary>
/// The exit-code rule of every command (README, "Exit codes"): 0 success, 1 only for a measured failure,
/// 2 for bad input or cannot compare. Expected refusals (a bad file, a missing folder, a full disk) become
/// one message on stderr naming the file, field and reason, and exit 2. No stack trace reaches the user
/// unless --verbose is given.
/// </summary>
public static class CliErrors
{
    public const int BadInput = 2;

    /// <summary>The global option that lets stack traces through.</summary>
    public const string VerboseOption = "--verbose";

    /// <summary>Runs a command's body, turning an expected refusal into its message and exit 2.</summary>
    public static int Run(Func<int> body) => Run(verbose: false, body);

    /// <summary>As <see cref="Run(Func{int})"/>, with the stack trace shown when the command line has --verbose.</summary>
    public static int Run(ParseResult parse, Func<int> body) => Run(IsVerbose(parse), body);

    public static int Run(bool verbose, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (Refusal(e) is { } message)
        {
            Console.Error.WriteLine("error: " + message);
            if (verbose) Console.Error.WriteLine(e);
            return BadInput;
        }
    }

    /// <summary>
    /// The message of an exception that means "the input (or the machine) does not allow this", or null for
    /// anything else, which is a bug in the rig.
    /// </summary>
    public static string? Refusal(Exception e) => e switch
    {
        ConfigException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException or PathTooLongException => e.Message,
        UnauthorizedAccessException => "permission denied: " + e.Message,
        SqliteException s => $"database error ({s.SqliteErrorCode}): {s.Message}",
        // Disk full, a file another process holds, a device that vanished: the machine refused, not a bug.
        IOException => e.Message,
        _ => null,
    };

    /// <summary>Whether the parsed command line carries the global --verbose flag (false when the command was built without it).</summary>
    public static bool IsVerbose(ParseResult parse)
    {
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            foreach (var option in r.Command.Options)
                if (option.Name == VerboseOption && option is Option<bool> flag)
                    return parse.GetValue(flag);
        return false;
    }
}
