using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Rig.Core.Tools;

/// <summary>How an external program (cmake, arm-none-eabi-gcc, ...) ended.</summary>
/// <param name="Started">false when the program could not be started at all (not installed).</param>
/// <param name="TimedOut">true when it was killed for running past its time limit.</param>
/// <param name="Output">stdout and stderr interleaved as the program wrote them.</param>
public sealed record ToolRun(string Command, bool Started, bool TimedOut, int ExitCode, string Output)
{
    public bool Succeeded => Started && !TimedOut && ExitCode == 0;
}

/// <summary>
/// Starts a program with an argument list (never through a shell, so nothing in a path or an
/// option is interpreted) and waits a bounded time, killing its process tree past the limit.
/// </summary>
public static class ExternalTool
{
    public static ToolRun Run(string program, IReadOnlyList<string> args, TimeSpan timeout, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        foreach (var a in args) psi.ArgumentList.Add(a);
        var command = args.Count == 0 ? program : program + " " + string.Join(' ', args);
        var output = new StringBuilder();
        using var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        try
        {
            p.Start();
        }
        catch (Win32Exception e)
        {
            return new ToolRun(command, Started: false, TimedOut: false, -1, $"cannot start {program}: {e.Message}");
        }
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return new ToolRun(command, Started: true, TimedOut: true, -1, output + $"{command}: gave up after {timeout.TotalSeconds:0} s");
        }
        p.WaitForExit(); // flushes the asynchronous readers
        return new ToolRun(command, Started: true, TimedOut: false, p.ExitCode, output.ToString());
    }
}
