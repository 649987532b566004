using System.Diagnostics;

namespace Rig.Hardware.Tests.Serial.Locks;

/// <summary>A real process of another program (no shell) that a test makes hold a board, killed when the test ends.</summary>
internal sealed class HolderProcess : IDisposable
{
    private readonly Process _process;

    public int Pid => _process.Id;

    private HolderProcess(Process process) => _process = process;

    public static HolderProcess Start(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        return new HolderProcess(Process.Start(psi)!);
    }

    /// <summary>The PID of a process that has ended (started and waited for), as a crashed run leaves in its lock file.</summary>
    public static int DeadPid()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(10)), "`true` did not end");
        return p.Id;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
