using System.Diagnostics;
using Rig.Hardware.Serial;
using Rig.Simulation.Link;

namespace Rig.Hardware.Tests.Serial;

/// <summary>SerialPortLink on a real pseudo-terminal: ports that are absent or vanish, and Discard.</summary>
public class SerialPortLinkTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static byte[] ReadExactly(SerialPortLink link, int count)
    {
        var got = new byte[count];
        var n = 0;
        while (n < count)
        {
            var r = link.Read(got.AsSpan(n), Second);
            Assert.True(r > 0, $"only {n} of {count} bytes came");
            n += r;
        }
        return got;
    }

    [Fact]
    public void A_missing_port_says_it_does_not_exist_rather_than_access_denied()
    {
        var e = Assert.Throws<IOException>(() => new SerialPortLink("/dev/rig-no-such-port", 115200, Second));
        Assert.StartsWith("serial port /dev/rig-no-such-port does not exist", e.Message);
    }

    [Fact]
    public void A_path_that_is_no_serial_device_says_it_cannot_be_opened()
    {
        var file = Path.GetTempFileName();
        try
        {
            var e = Assert.Throws<IOException>(() => new SerialPortLink(file, 115200, Second));
            Assert.StartsWith($"cannot open serial port {file}", e.Message);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public void A_board_that_vanishes_delivers_what_it_sent_then_fails_reads_and_writes_naming_the_port()
    {
        using var pty = PseudoTerminal.Open();
        using var link = new SerialPortLink(pty.Path, 115200, Second);
        pty.Write([1, 2, 3, 4], Second);
        Assert.Equal(new byte[] { 1, 2 }, ReadExactly(link, 2));
        // The device goes with two bytes still unread on the host side.
        pty.Close();
        Assert.Equal(new byte[] { 3, 4 }, ReadExactly(link, 2));
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<IOException>(() => { while (clock.Elapsed < TimeSpan.FromSeconds(5)) link.Read(new byte[16], Second); });
        Assert.StartsWith($"board on {pty.Path} disappeared while reading: ", e.Message);
        Assert.True(clock.Elapsed < Second, $"the hang-up took {clock.Elapsed.TotalSeconds:0.00} s to show");
        var w = Assert.Throws<IOException>(() => link.Write([9]));
        Assert.StartsWith($"board on {pty.Path} disappeared", w.Message);
    }

    [Fact]
    public void Discard_drops_what_came_before_it_and_keeps_everything_after_in_order()
    {
        using var pty = PseudoTerminal.Open();
        using var link = new SerialPortLink(pty.Path, 115200, Second);
        var stale = Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray();
        pty.Write(stale, Second);
        Assert.Equal(stale[..10], ReadExactly(link, 10));
        // Give the rest time to reach the ring and the queued reads, then drop it all.
        Thread.Yield();
        link.Discard();
        var fresh = Enumerable.Range(0, 5000).Select(i => (byte)(i * 13 + 1)).ToArray();
        pty.Write(fresh, Second);
        Assert.Equal(fresh, ReadExactly(link, fresh.Length));
        Assert.Equal(0, link.Read(new byte[16], TimeSpan.FromMilliseconds(200)));
    }
}
