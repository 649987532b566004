using Rig.Protocol.Framing;
using Rig.Protocol.Messages;

namespace Rig.Protocol.Tests.Messages;

/// <summary>RESULT with and without a graph board's int8 outputs, and LAYER slices (PROTOCOL.md).</summary>
public class ModelMessageTests
{
    private static byte[] Result(params byte[] tail) =>
        [7, 0, 0, 0, 2, 2, 0x00, 0x10, 0x80, 0x3F, 1, 0, 0, 0, 2, 0, 0, 0, .. tail];

    [Fact]
    public void A_result_without_outputs_is_an_mlp_boards()
    {
        var r = (WindowResult)BoardMessage.Parse(new Frame(MessageType.Result, 0, Result()));
        Assert.Equal(7u, r.Window);
        Assert.Equal([0x1000, 0x3F80], r.Scores);
        Assert.Null(r.Outputs);
    }

    [Fact]
    public void A_graph_boards_result_carries_its_int8_outputs()
    {
        var r = (WindowResult)BoardMessage.Parse(new Frame(MessageType.Result, 0, Result(2, 0x80, 0x7F)));
        Assert.Equal([(sbyte)-128, (sbyte)127], r.Outputs!);
        Assert.Equal(2u, r.ModelCycles);
    }

    [Theory]
    [InlineData(new byte[] { 3, 1, 2 })]
    [InlineData(new byte[] { 1, 1, 2 })]
    public void A_result_whose_output_count_disagrees_with_its_length_is_refused(byte[] tail) =>
        Assert.Throws<InvalidDataException>(() => BoardMessage.Parse(new Frame(MessageType.Result, 0, Result(tail))));

    [Fact]
    public void A_layer_slice_names_its_window_layer_and_offset()
    {
        var l = (LayerData)BoardMessage.Parse(new Frame(MessageType.Layer, 0, [5, 0, 0, 0, 3, 0x40, 0x01, 0, 0, 0xFF, 0x01]));
        Assert.Equal((5u, 3, 320), (l.Window, l.Layer, l.Offset));
        Assert.Equal([(sbyte)-1, (sbyte)1], l.Values);
        var input = (LayerData)BoardMessage.Parse(new Frame(MessageType.Layer, 0, [0, 0, 0, 0, 0xFF, 0, 0, 0, 0]));
        Assert.Equal(-1, input.Layer);
        Assert.Empty(input.Values);
        Assert.Throws<InvalidDataException>(() => BoardMessage.Parse(new Frame(MessageType.Layer, 0, [0, 0, 0, 0, 1, 0, 0, 0])));
    }
}
