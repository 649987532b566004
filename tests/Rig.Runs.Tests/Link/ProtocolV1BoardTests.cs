using Rig.Runs.Link;

namespace Rig.Runs.Tests.Link;

/// <summary>A host speaking protocol v2 still runs a version 1 board: v1 frames, bare AUDIO samples, one-byte credits.</summary>
public class ProtocolV1BoardTests
{
    [Fact]
    public void A_v1_board_is_spoken_to_in_v1_and_gets_its_audio_without_offsets()
    {
        var board = new ScriptedV1Board();
        using var session = new BoardSession("v1", board, "py32f003", 0xC0FFEE, new SessionOptions(), TimeProvider.System);
        var hello = session.Connect();
        Assert.Equal(1, hello.ProtocolVersion);
        Assert.False(hello.FrameRecovery);
        Assert.Equal("v1-board", hello.BoardName);
        var samples = Enumerable.Range(0, 1000).Select(i => (short)(i * 37 - 9000)).ToArray();
        var capture = session.PlayInject("clip", samples, 2, 1);
        Assert.Equal(samples, board.Samples);
        Assert.Equal(samples.Length / ScriptedV1Board.Hop, capture.Columns.Count);
        Assert.Equal(Enumerable.Range(0, capture.Columns.Count).Select(k => samples[k * ScriptedV1Board.Hop]), capture.Columns.Select(c => c.Values[0]));
        Assert.All(board.VersionsSeen, v => Assert.Equal(1, v));
        Assert.Equal(0, board.RejectedFrames);
        Assert.Equal(0, capture.Retries);
    }
}
