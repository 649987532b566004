using System.Diagnostics;
using Rig.Core;

namespace Rig.Cli.Tests.Support;

/// <summary>What one `rig` invocation did.</summary>
public sealed record RigOutcome(int ExitCode, string Out, string Err)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>
/// Runs the built rig (rig.dll next to the tests) as its own process, the way a user does: the whole
/// Program (command registration, exit codes, stdout/stderr) is exercised, and Console is not shared
/// with tests running in parallel. Every call is bounded.
/// </summary>
public static class RigProcess
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Starts the rig and returns at once (the caller reads its output and waits, bounded).</summary>
    public static Process Start(string workDir, params string[] args) => StartIn(RepoPaths.Root, workDir, args);

    /// <summary>Same, against another checkout (RIG_ROOT), e.g. a scratch copy of the repository.</summary>
    public static Process StartIn(string repoRoot, string workDir, params string[] args)
    {
        var rig = Path.Combine(AppContext.BaseDirectory, "rig.dll");
        Assert.True(File.Exists(rig), $"{rig} was not built next to the tests");
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(rig);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["RIG_ROOT"] = repoRoot;
        psi.Environment["RIG_STORE"] = Path.Combine(workDir, "history.db");
        psi.Environment["NO_COLOR"] = "1";
        return Process.Start(psi)!;
    }

    public static RigOutcome Run(string workDir, params string[] args) => RunIn(RepoPaths.Root, workDir, args);

    public static RigOutcome RunIn(string repoRoot, string workDir, params string[] args)
    {
        using var p = StartIn(repoRoot, workDir, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(Timeout))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            Assert.Fail($"rig {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s\n{stdout.Result}\n{stderr.Result}");
        }
        p.WaitForExit();
        return new RigOutcome(p.ExitCode, stdout.Result, stderr.Result);
    }
}
