using System.Diagnostics;
using Rig.Cli.Commands;
using Rig.Core;

namespace Rig.Cli.Tests;

/// <summary>The built `rig` (rig.dll next to the tests) run as a process from the repository root, as a user runs it.</summary>
internal static class RigProcess
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static Outcome Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(typeof(RunCommand).Assembly.Location);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"rig {string.Join(' ', args)} did not finish in 3 minutes");
        }
        p.WaitForExit();
        return new Outcome(p.ExitCode, stdout.Result, stderr.Result);
    }
}
