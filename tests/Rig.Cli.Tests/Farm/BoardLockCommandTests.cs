using System.Diagnostics;
using System.Globalization;
using Rig.Cli.Tests.Support;
using Rig.Hardware.Serial.Locks;
using Rig.Simulation.Link;
using Xunit.Abstractions;

namespace Rig.Cli.Tests.Farm;

/// <summary>
/// Two `rig run` processes and one board (a real pseudo-terminal): the second is refused naming the first's PID and
/// command; the first killed (SIGKILL, a crash) leaves a stale lock the next run names and takes over, and that run
/// releases it when it ends. Locks go to the test's own --lock-dir.
/// </summary>
public sealed class BoardLockCommandTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void A_board_in_use_by_another_run_is_refused_with_its_pid_and_command_and_a_crashed_runs_lock_is_taken_over()
    {
        using var board = ScriptedDevice.Silent();
        var port = board.PortPath;
        var locks = Directory.CreateDirectory(_tmp.Sub("locks")).FullName;
        var lockFile = Path.Combine(locks, UucpLockFile.NameFor(port));
        var playlist = TwoClipPlaylist.Write(_tmp);
        string[] Run(string profile, string outDir) => ["run", "--profile", profile, "--playlist", playlist, "--board", "serial:" + port, "--out", outDir, "--lock-dir", locks];

        // The holder: a silent board keeps it in the handshake (hello_seconds 30 per attempt) with the board locked.
        using var holder = RigProcess.Start(_tmp.Path, Run(ShortTimeoutProfile.Write(_tmp, 30, name: "patient.yaml"), _tmp.Sub("holder")));
        _ = holder.StandardOutput.ReadToEndAsync();
        _ = holder.StandardError.ReadToEndAsync();
        try
        {
            WaitForLock(holder, lockFile);
            Assert.Equal(holder.Id, UucpLockFile.ParsePid(File.ReadAllBytes(lockFile)));

            var quick = ShortTimeoutProfile.Write(_tmp, 0.5, name: "quick.yaml");
            var refused = RigProcess.Run(_tmp.Path, Run(quick, _tmp.Sub("refused")));
            output.WriteLine(refused.ToString());
            Assert.True(refused.ExitCode == 2, refused.ToString());
            var line = Assert.Single(refused.Err.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
            Assert.StartsWith($"error: serial port {port} is in use by pid {holder.Id} (", line);
            Assert.Contains("rig.dll run --profile ", line);
            Assert.Contains($"lock {lockFile}): wait for it to end, stop it (kill {holder.Id}), or use another --board", line);
            Assert.False(Directory.Exists(_tmp.Sub("refused")), "the refused run left a run folder behind");
            Assert.Equal(holder.Id, UucpLockFile.ParsePid(File.ReadAllBytes(lockFile)));

            // A crash: the kernel drops the holder's flock, its lock file stays behind naming a dead process.
            holder.Kill();
            Assert.True(holder.WaitForExit(Patience));
            Assert.True(File.Exists(lockFile), "a killed run cannot remove its lock file");

            var next = RigProcess.Run(_tmp.Path, Run(quick, _tmp.Sub("next")));
            output.WriteLine(next.ToString());
            Assert.Contains($"note: serial port {port}: took over the stale lock {lockFile} of pid {holder.Id}, which is no longer running", next.Err);
            // It got the board: the silent board then fails the handshake, and the lock goes with the process.
            Assert.True(next.ExitCode == 2, next.ToString());
            Assert.Contains($"on {port} did not answer a HELLO request", next.Err);
            Assert.False(File.Exists(lockFile), "the run's lock outlived it");
        }
        finally
        {
            if (!holder.HasExited) holder.Kill(entireProcessTree: true);
            holder.WaitForExit(Patience);
        }
    }

    private static void WaitForLock(Process holder, string lockFile)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(lockFile))
        {
            Assert.False(holder.HasExited, $"the holding run ended (exit {(holder.HasExited ? holder.ExitCode.ToString(CultureInfo.InvariantCulture) : "")}) before it locked the board");
            Assert.True(clock.Elapsed < Patience, $"no lock file {lockFile} within {Patience.TotalSeconds} s");
            Thread.Sleep(50);
        }
    }
}
