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
