using CsCheck;
using Rig.Model.Graph;
using Rig.Model.Tflite;

namespace Rig.Model.Tests.Tflite;

/// <summary>
/// Hostile bytes: every truncation and random byte flips of real models end in the graph or a
/// <see cref="TfliteFormatException"/>, never another exception; what is accepted is a graph the writer takes back.
/// </summary>
public sealed class TfliteFuzzTests
{
    private static readonly byte[][] Models = [TfliteWriter.Write(TfliteRoundTripTests.Hand("mlp")), TfliteWriter.Write(TfliteRoundTripTests.Hand("ds-cnn"))];

    /// <summary>Reads the bytes; true when they were accepted. Any exception but the reader's refusal fails the test.</summary>
    private static bool ReadsOrRefuses(byte[] bytes)
    {
        ModelGraph graph;
        try
        {
            graph = TfliteReader.Read(bytes, "fuzz");
        }
        catch (TfliteFormatException e)
        {
            Assert.InRange(e.Offset, -1, bytes.Length);
            return false;
        }
        // Accepted: it must be a graph the writer can write and the reader read again to the same thing.
        GraphAssert.Equal(graph, TfliteReader.Read(TfliteWriter.Write(graph), "fuzz"));
        return true;
    }

    [Fact]
    public void Every_truncation_is_refused()
    {
        foreach (var model in Models)
            for (var length = 0; length < model.Length; length++)
                Assert.False(ReadsOrRefuses(model[..length]), $"a {model.Length}-byte model cut to {length} bytes was accepted");
    }

    [Fact]
    public void Random_byte_flips_never_crash_the_reader()
    {
        Gen.Select(Gen.Int[0, Models.Length - 1], Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte).Array[1, 8])
            .Sample(t =>
            {
                var (which, flips) = t;
                var bytes = (byte[])Models[which].Clone();
                foreach (var (at, value) in flips) bytes[at % bytes.Length] = value;
                ReadsOrRefuses(bytes);
            }, iter: 20_000);
    }

    [Fact]
    public void Random_bytes_behind_a_tfl3_header_never_crash_the_reader()
    {
        Gen.Byte.Array[8, 600].Sample(bytes =>
        {
            "TFL3"u8.CopyTo(bytes.AsSpan(4));
            ReadsOrRefuses(bytes);
        }, iter: 20_000);
    }

    [Fact]
    public void Offsets_pointing_everywhere_never_crash_the_reader()
    {
        // Overwrite one aligned 32-bit word (offsets, lengths, vtable offsets all are) with a hostile value.
        var hostile = Gen.Int[0, 8].Select(i => new[] { 0u, 1u, 3u, 4u, 0x7FFF_FFFFu, 0x8000_0000u, 0xFFFF_FFFFu, 0xFFFF_FFFCu, 0x0001_0000u }[i]);
        Gen.Select(Gen.Int[0, Models.Length - 1], Gen.Int[0, int.MaxValue], Gen.Select(hostile, Gen.UInt[0, 4096]).Select(v => v.Item2 % 2 == 0 ? v.Item1 : v.Item2))
            .Sample((which, at, value) =>
            {
                var bytes = (byte[])Models[which].Clone();
                var word = at % (bytes.Length / 4) * 4;
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(word), value);
                ReadsOrRefuses(bytes);
            }, iter: 20_000);
    }
}
