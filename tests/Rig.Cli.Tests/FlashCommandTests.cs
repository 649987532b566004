using Rig.Cli.Tests.Support;

namespace Rig.Cli.Tests;

/// <summary>`rig flash`: what it says when it cannot program (the programming itself: tests/Rig.Flash.Tests).</summary>
public sealed class FlashCommandTests
{
    [Fact]
    public void A_programmer_that_cannot_be_used_is_one_error_line_naming_it_and_exit_2()
    {
        // picotool is not installed here (one line: what to install); where it is, no board in BOOTSEL (one line: what to check).
        var o = InProcessRig.Run("flash", "--profile", "rp2040", "--via", "picotool");
        Assert.True(o.ExitCode == 2, o.ToString());
        Assert.Null(o.Bug);
        var line = Assert.Single(o.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: picotool ", line, StringComparison.Ordinal);
        Assert.Matches("install picotool|BOOTSEL", line);
    }

    [Fact]
    public void A_gdb_server_that_is_not_there_is_one_error_line_naming_it_and_exit_2()
    {
        int port;
        using (var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0)) { l.Start(); port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port; }
        var o = InProcessRig.Run("flash", "--profile", "py32f003", "--via", $"gdb://127.0.0.1:{port}");
        Assert.True(o.ExitCode == 2, o.ToString());
        var line = Assert.Single(o.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: gdb server 127.0.0.1:{port}: cannot connect", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_programmer_that_is_no_programmer_is_refused()
    {
        var o = InProcessRig.Run("flash", "--profile", "py32f003", "--via", "jlink");
        Assert.True(o.ExitCode == 2, o.ToString());
        Assert.Contains("'jlink': not a programmer; expected gdb://host:port", o.Err, StringComparison.Ordinal);
    }
}
