using Rig.Protocol.Framing;
using Rig.Protocol.Messages;

namespace Rig.Protocol.Tests.Messages;

public class BoardMessageTests
{
    [Fact]
    public void Hello_round_trips_through_its_payload()
    {
        var hello = new Hello(1, "1.0", 0xDEADBEEF, 0x01020304, 8000, 64, 20, 128, 72, 1, false, 1_000_000_000, 32, 16, 6, "native-py32f003");
        var parsed = BoardMessage.Parse(new Frame(MessageType.Hello, 0, hello.ToPayload()));
        Assert.Equal(hello, parsed);
        Assert.Equal("host-cycles", ((Hello)parsed).CycleUnit);
    }

    [Fact]
    public void Hello_v2_carries_capabilities_before_the_name_and_v1_has_none()
    {
        var v2 = new Hello(2, "1.0", 1, 2, 8000, 64, 20, 132, 72, 16, false, 1_000_000_000, 32, 16, 6, "native-py32f003") { Capabilities = BoardCapabilities.FrameRecovery };
        var payload = v2.ToPayload();
        Assert.Equal(0x01, payload[Hello.FixedBytes]);
        Assert.Equal((byte)'n', payload[Hello.FixedBytesV2]);
        var parsed = (Hello)BoardMessage.Parse(new Frame(MessageType.Hello, 0, payload));
        Assert.Equal(v2, parsed);
        Assert.True(parsed.FrameRecovery);

        // A v1 board's HELLO: the name follows the class count, no capability byte.
        var v1 = payload.ToArray();
        v1[0] = 1;
        var old = (Hello)BoardMessage.Parse(new Frame(MessageType.Hello, 0, [.. v1[..Hello.FixedBytes], .. v1[Hello.FixedBytesV2..]]));
        Assert.Equal("native-py32f003", old.BoardName);
        Assert.Equal(BoardCapabilities.None, old.Capabilities);
        Assert.False(old.FrameRecovery);
    }

    [Fact]
    public void Hello_v3_carries_the_build_id_and_unique_id_length_prefixed_before_the_name()
    {
        var v3 = new Hello(3, "1.0", 1, 2, 8000, 64, 20, 44, 72, 3, true, 24_000_000, 32, 16, 6, "py32f003")
        {
            Capabilities = BoardCapabilities.FrameRecovery,
            BuildId = "6922e086e3ac17c2e439f540f9dbd87ecbae092f",
            UniqueId = "0102030405060708090a0b0c",
        };
        var payload = v3.ToPayload();
        Assert.Equal(20, payload[Hello.FixedBytesV2]);
        Assert.Equal(0x69, payload[Hello.FixedBytesV2 + 1]);
        Assert.Equal(12, payload[Hello.FixedBytesV2 + 21]);
        Assert.Equal((byte)'p', payload[Hello.FixedBytesV2 + 34]);
        Assert.Equal(v3, BoardMessage.Parse(new Frame(MessageType.Hello, 0, payload)));

        // No build id, no unique ID: two zero bytes, both null.
        var bare = (Hello)BoardMessage.Parse(new Frame(MessageType.Hello, 0, (v3 with { BuildId = null, UniqueId = null }).ToPayload()));
        Assert.Null(bare.BuildId);
        Assert.Null(bare.UniqueId);
        Assert.Equal("py32f003", bare.BoardName);
    }

    [Theory]
    [InlineData(21, 0)]  // longer than a SHA-1
    [InlineData(20, 13)] // unique ID longer than HELLO carries
    public void Hello_v3_with_a_length_that_does_not_fit_is_refused(int buildIdLength, int uidLength)
    {
        var payload = new Hello(3, "1.0", 1, 2, 8000, 64, 20, 44, 72, 3, true, 24_000_000, 32, 16, 6, "py32f003").ToPayload().ToList();
        payload.InsertRange(Hello.FixedBytesV2 + 2, new byte[Math.Min(buildIdLength, 21) + uidLength]);
        payload[Hello.FixedBytesV2] = (byte)buildIdLength;
        payload[Hello.FixedBytesV2 + 1 + Math.Min(buildIdLength, 21)] = (byte)uidLength;
        var e = Assert.Throws<InvalidDataException>(() => BoardMessage.Parse(new Frame(MessageType.Hello, 0, [.. payload])));
        Assert.Contains("does not fit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credit_v1_has_a_count_and_v2_the_next_expected_offset_too()
    {
        Assert.Equal(new Credit(3), BoardMessage.Parse(new Frame(MessageType.Credit, 0, [3])));
        Assert.Equal(new Credit(1, 0x01020304, 0xEE), BoardMessage.Parse(new Frame(MessageType.Credit, 0, [1, 4, 3, 2, 1, 0xEE])));
        Assert.Equal(new Nak(0x0A0B0C0D), BoardMessage.Parse(new Frame(MessageType.Nak, 0, [0x0D, 0x0C, 0x0B, 0x0A])));
        Assert.Throws<InvalidDataException>(() => BoardMessage.Parse(new Frame(MessageType.Credit, 0, [1, 2, 3, 4, 5])));
        Assert.Throws<InvalidDataException>(() => BoardMessage.Parse(new Frame(MessageType.Nak, 0, [1, 2, 3])));
    }

    [Fact]
    public void Audio_v2_and_start_payloads_are_offset_first()
    {
        Assert.Equal([0x10, 0, 0, 0, 0xFF, 0x7F, 0x00, 0x80], HostMessages.AudioAt(16, [short.MaxValue, short.MinValue]));
        Assert.Empty(HostMessages.Start());
        Assert.Equal([32, 0, 0, 0], HostMessages.Start(32));
        Assert.Throws<ArgumentOutOfRangeException>(() => HostMessages.AudioAt(0, new short[126]));
    }

    [Fact]
    public void Result_reads_scores_and_cycles()
    {
        byte[] p = [7, 0, 0, 0, 2, 2, 0x00, 0x40, 0xFF, 0x7F, 10, 0, 0, 0, 20, 0, 0, 0];
        var r = (WindowResult)BoardMessage.Parse(new Frame(MessageType.Result, 0, p));
        Assert.Equal((7u, 2, 10u, 20u), (r.Window, r.Class, r.FrontendCycles, r.ModelCycles));
        Assert.Equal([16384, 32767], r.Scores);
    }

    [Theory]
    [InlineData(MessageType.Hello, 10)]
    [InlineData(MessageType.Feature, 7)]
    [InlineData(MessageType.Result, 9)]
    [InlineData(MessageType.Stats, 51)]
    [InlineData(MessageType.Credit, 0)]
    [InlineData(MessageType.Capture, 5)]
    [InlineData(MessageType.Pong, 3)]
    public void Payloads_that_do_not_match_the_layout_are_refused_with_the_message_name(MessageType type, int length)
    {
        var e = Assert.Throws<InvalidDataException>(() => BoardMessage.Parse(new Frame(type, 0, new byte[length])));
        Assert.Contains($"{length} bytes", e.Message);
    }

    [Fact]
    public void Unknown_types_are_refused() =>
        Assert.Throws<InvalidDataException>(() => BoardMessage.Parse(new Frame((MessageType)0x99, 0, [])));

    [Fact]
    public void Audio_payload_is_little_endian_q15()
    {
        Assert.Equal([0x01, 0x00, 0xFF, 0xFF, 0x00, 0x80], HostMessages.Audio([1, -1, short.MinValue]));
        Assert.Throws<ArgumentOutOfRangeException>(() => HostMessages.Audio(new short[128]));
    }

    [Fact]
    public void Stage_slices_are_int16_or_uint32_by_stage()
    {
        byte[] mel = [3, 0, 0, 0, 3, 0xFE, 4, 0, 0xFF, 0xFF, 0xFF, 0xFF, 1, 0, 0, 0];
        var s = (StageData)BoardMessage.Parse(new Frame(MessageType.Stage, 0, mel));
        Assert.Equal((3u, 3, -2, 4), (s.Column, s.Stage, s.Shift, s.Offset));
        Assert.Equal([4294967295L, 1L], s.Values);
        byte[] log = [3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];
        Assert.Equal([-1L], ((StageData)BoardMessage.Parse(new Frame(MessageType.Stage, 0, log))).Values);
        Assert.Throws<InvalidDataException>(() => BoardMessage.Parse(new Frame(MessageType.Stage, 0, [0, 0, 0, 0, 2, 0, 0, 0, 1, 2])));
        Assert.Throws<InvalidDataException>(() => BoardMessage.Parse(new Frame(MessageType.Stage, 0, [0, 0, 0, 0, 9, 0, 0, 0])));
    }
}
