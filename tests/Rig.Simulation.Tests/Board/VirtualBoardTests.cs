using System.Diagnostics;
using Rig.Simulation.Board;

namespace Rig.Simulation.Tests.Board;

/// <summary>The launcher's own contract; what the board says on its link is tested in Rig.Runs.Tests (Link).</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class VirtualBoardTests
{
    [Fact]
    public void A_started_board_announces_a_pseudo_terminal_and_is_gone_after_dispose()
    {
        int pid;
        string pty;
        using (var board = VirtualBoard.Start(new VirtualBoardOptions("nrf52840")))
        {
            pid = board.ProcessId;
            pty = board.PtyPath;
            Assert.StartsWith("/dev/pts/", pty);
            Assert.True(File.Exists(pty));
            Assert.False(board.HasExited);
            Assert.Null(board.MicrophonePath);
            Assert.Equal("nrf52840", board.Profile);
            Assert.Throws<InvalidOperationException>(() => board.WriteMicrophone([1, 2, 3]));
        }
        Assert.True(ExitedOrGone(pid), $"board process {pid} still runs after Dispose");
    }

    [Fact]
    public void A_board_with_a_microphone_gets_a_fifo_that_is_removed_with_it()
    {
        string mic;
        using (var board = VirtualBoard.Start(new VirtualBoardOptions("nrf52840", WithMicrophone: true)))
        {
            mic = board.MicrophonePath!;
            Assert.True(File.Exists(mic));
            Assert.True(File.GetUnixFileMode(mic) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), File.GetUnixFileMode(mic).ToString());
            Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(mic) & UnixFileMode.OtherRead);
        }
        Assert.False(File.Exists(mic));
        Assert.False(Directory.Exists(Path.GetDirectoryName(mic)));
    }

    private static bool ExitedOrGone(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return p.HasExited || p.WaitForExit(2000);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
