using System.Runtime.InteropServices;
using CsCheck;
using Rig.Model.Graph;
using Rig.Model.Tflite;

namespace Rig.Model.Tests.Tflite;

public sealed class TfliteRoundTripTests
{
    public static TheoryData<string> Graphs => ["mlp", "ds-cnn"];

    internal static ModelGraph Hand(string name) => name == "mlp" ? GraphBuilder.Mlp(bands: 8, hidden: 12, seed: 1) : GraphBuilder.DsCnn(columns: 16, bands: 8, seed: 2);

    [Theory]
    [MemberData(nameof(Graphs))]
    public void A_written_graph_reads_back_the_same_with_float32_scales(string name)
    {
        var graph = Hand(name);
        var read = TfliteReader.Read(TfliteWriter.Write(graph), name);
        GraphAssert.Equal(TfliteWriter.RoundScalesToFloat32(graph), read);
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Writing_what_was_read_gives_the_same_bytes(string name)
    {
        var bytes = TfliteWriter.Write(Hand(name));
        Assert.Equal(bytes, TfliteWriter.Write(TfliteReader.Read(bytes, name)));
    }

    [Fact]
    public void The_file_is_tfl3_with_empty_buffer_zero_and_16_byte_aligned_constants()
    {
        var bytes = TfliteWriter.Write(Hand("ds-cnn"));
        Assert.Equal("TFL3"u8.ToArray(), bytes[4..8]);
        var read = TfliteReader.Read(bytes, "ds-cnn");
        var constants = read.Tensors.Where(t => t.IsConstant).ToList();
        Assert.Equal(8, constants.Count);
        foreach (var t in constants)
        {
            Assert.True(MemoryMarshal.TryGetArray(t.Data!.Value, out var segment));
            Assert.Same(bytes, segment.Array);
            Assert.True(segment.Offset % 16 == 0, $"tensor {t.Id}: data at byte {segment.Offset}, not 16-byte aligned");
        }
    }

    [Fact]
    public void Random_graphs_round_trip()
    {
        RandomGraphs.Any.Sample(graph =>
        {
            var read = TfliteReader.Read(TfliteWriter.Write(graph), "random");
            GraphAssert.Equal(TfliteWriter.RoundScalesToFloat32(graph), read);
        }, iter: 300);
    }
}
