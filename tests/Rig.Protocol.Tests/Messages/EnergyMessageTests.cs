using Rig.Protocol.Framing;
using Rig.Protocol.Messages;

namespace Rig.Protocol.Tests.Messages;

/// <summary>Protocol v2 energy messages: HELLO capabilities, BURST, IDLE and their answer (firmware/PROTOCOL.md).</summary>
public class EnergyMessageTests
{
    private static Hello V1Hello(string name = "native-py32f003") =>
        new(1, "1.0", 0xDEADBEEF, 0x01020304, 8000, 64, 20, 128, 72, 3, true, 24_000_000, 32, 16, 6, name);

    [Fact]
    public void A_v2_hello_puts_the_capability_byte_at_offset_34_and_the_name_after_it()
    {
        var hello = V1Hello() with { ProtocolVersion = 2, Capabilities = BoardCapabilities.Burst | BoardCapabilities.Idle };
        var payload = hello.ToPayload();
        Assert.Equal(0x06, payload[34]);
        Assert.Equal((byte)'n', payload[35]);
        var parsed = (Hello)BoardMessage.Parse(new Frame(MessageType.Hello, 0, payload));
        Assert.Equal(hello, parsed);
        Assert.True(parsed.Supports(BoardCapabilities.Burst));
        Assert.True(parsed.Supports(BoardCapabilities.Idle));
        Assert.False(parsed.Supports(BoardCapabilities.FrameRecovery));
    }

    [Fact]
    public void A_v1_hello_has_no_capabilities_and_its_name_starts_at_34()
    {
        var payload = V1Hello().ToPayload();
        Assert.Equal((byte)'n', payload[34]);
        var parsed = (Hello)BoardMessage.Parse(new Frame(MessageType.Hello, 0, payload));
        Assert.Equal(BoardCapabilities.None, parsed.Capabilities);
        Assert.False(parsed.Supports(BoardCapabilities.Burst));
        Assert.Equal("native-py32f003", parsed.BoardName);
    }

    [Fact]
    public void A_v2_hello_cut_before_its_capability_byte_is_refused()
    {
        var payload = V1Hello("").ToPayload();
        payload[0] = 2;
        Assert.Throws<InvalidDataException>(() => BoardMessage.Parse(new Frame(MessageType.Hello, 0, payload)));
    }

    [Fact]
    public void Burst_and_idle_payloads_are_little_endian_as_documented()
    {
        Assert.Equal([0x03, 0x10, 0x27, 0x00, 0x00, 0x00, 0x6C, 0xDC, 0x02], HostMessages.Burst(BurstFlags.Frontend | BurstFlags.HostWindow, 10_000, 48_000_000));
        Assert.Equal([0x40, 0x42, 0x0F, 0x00], HostMessages.Idle(1_000_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => HostMessages.Burst(BurstFlags.None, 0, 1));
    }

    [Fact]
    public void Burst_done_round_trips_and_refuses_other_lengths()
    {
        var done = new BurstDone(MessageType.Burst, BurstStatus.OverBudget, 70_000, 123_456_789);
        Assert.Equal(done, BoardMessage.Parse(new Frame(MessageType.BurstDone, 0, done.ToPayload())));
        Assert.Throws<InvalidDataException>(() => BoardMessage.Parse(new Frame(MessageType.BurstDone, 0, new byte[8])));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, true)]
    [InlineData(0, false)]
    [InlineData(4, false)]
    public void The_decoder_takes_frame_versions_1_to_3_only(byte version, bool accepted)
    {
        var wire = FrameFormat.Encode(MessageType.Pong, 0, [1, 2, 3, 4]);
        // Re-encode with the version byte replaced (and the CRC recomputed) so only the version differs.
        var raw = new byte[wire.Length];
        var n = Cobs.Decode(wire.AsSpan(0, wire.Length - 1), raw);
        raw[0] = version;
        var crc = Crc16Ccitt.Compute(raw.AsSpan(0, n - 2));
        raw[n - 2] = (byte)crc;
        raw[n - 1] = (byte)(crc >> 8);
        var encoded = new byte[Cobs.MaxEncodedLength(n) + 1];
        var m = Cobs.Encode(raw.AsSpan(0, n), encoded);
        var frames = new List<Frame>();
        var decoder = new FrameDecoder();
        decoder.Push(encoded.AsSpan(0, m + 1), frames);
        Assert.Equal(accepted ? 1 : 0, frames.Count);
    }
}
