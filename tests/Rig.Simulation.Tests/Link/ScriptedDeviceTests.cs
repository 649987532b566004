using Rig.Hardware.Serial;
using Rig.Protocol.Framing;
using Rig.Simulation.Link;

namespace Rig.Simulation.Tests.Link;

/// <summary>The scripted devices and the relay behind real pseudo-terminals, seen from a SerialPortLink as the rig sees them.</summary>
public class ScriptedDeviceTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static List<Frame> FramesWithin(SerialPortLink link, TimeSpan span)
    {
        var frames = new List<Frame>();
        var decoder = new FrameDecoder();
        var buffer = new byte[1024];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < span)
        {
            var n = link.Read(buffer, TimeSpan.FromMilliseconds(50));
            decoder.Push(buffer.AsSpan(0, n), frames);
        }
        Assert.Equal(0, decoder.Counters.CrcErrors);
        return frames;
    }

    [Fact]
    public void A_chattering_device_sends_valid_LOG_frames_in_sequence_and_hears_the_host()
    {
        using var device = ScriptedDevice.Chattering(TimeSpan.FromMilliseconds(20));
        using var link = new SerialPortLink(device.PortPath, 115200, Second);
        link.Write(FrameFormat.Encode(MessageType.HelloRequest, 0, []));
        var frames = FramesWithin(link, TimeSpan.FromMilliseconds(600));
        Assert.True(frames.Count >= 3, $"{frames.Count} frames");
        Assert.All(frames, f => Assert.Equal(MessageType.Log, f.Type));
        Assert.Equal(ScriptedDevice.ChatterText, System.Text.Encoding.ASCII.GetString(frames[0].Payload));
        Assert.True(device.BytesHeard > 0);
    }

    [Fact]
    public void A_silent_device_hears_the_host_and_says_nothing()
    {
        using var device = ScriptedDevice.Silent();
        using var link = new SerialPortLink(device.PortPath, 115200, Second);
        var request = FrameFormat.Encode(MessageType.HelloRequest, 0, []);
        link.Write(request);
        Assert.Empty(FramesWithin(link, TimeSpan.FromMilliseconds(300)));
        Assert.Equal(request.Length, device.BytesHeard);
        Assert.Equal(0, device.FramesSent);
    }

    [Fact]
    public void The_relay_carries_both_directions_and_hangs_up_after_the_host_sent_its_bytes()
    {
        using var far = ScriptedDevice.Chattering(TimeSpan.FromMilliseconds(20));
        using var farLink = new SerialPortLink(far.PortPath, 115200, Second);
        using var relay = PtyRelay.Start(farLink, hangUpAfterHostBytes: 100);
        using var host = new SerialPortLink(relay.PortPath, 115200, Second);
        Assert.NotEmpty(FramesWithin(host, TimeSpan.FromMilliseconds(300)));
        host.Write(new byte[60]);
        Assert.False(relay.HungUp);
        host.Write(new byte[60]);
        var e = Assert.Throws<IOException>(() => FramesWithin(host, TimeSpan.FromSeconds(3)));
        Assert.StartsWith($"board on {relay.PortPath} disappeared", e.Message);
        Assert.True(relay.HungUp);
        // Everything the host sent up to the hang-up reached the far board (it reads on its own clock).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (far.BytesHeard < 120 && waited.Elapsed < TimeSpan.FromSeconds(2)) Thread.Sleep(10);
        Assert.Equal(120, far.BytesHeard);
    }
}
