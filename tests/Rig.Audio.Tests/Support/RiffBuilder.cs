using System.Buffers.Binary;
using System.Text;

namespace Rig.Audio.Tests.Support;

/// <summary>Builds WAV files byte by byte, including broken ones the writer would never produce.</summary>
public sealed class RiffBuilder
{
    private readonly List<byte[]> _chunks = [];

    public RiffBuilder Fmt(ushort tag, ushort channels, uint rate, ushort bits, ushort? blockAlign = null)
    {
        var b = new byte[16];
        var align = blockAlign ?? (ushort)(channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(b, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), channels);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), rate);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(8), rate * align);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(12), align);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(14), bits);
        return Chunk("fmt ", b);
    }

    public RiffBuilder Chunk(string id, byte[] body, uint? claimedSize = null)
    {
        var c = new byte[8 + body.Length + (claimedSize is null ? body.Length & 1 : 0)];
        Encoding.ASCII.GetBytes(id).CopyTo(c, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(4), claimedSize ?? (uint)body.Length);
        body.CopyTo(c, 8);
        _chunks.Add(c);
        return this;
    }

    public RiffBuilder Data(byte[] body, uint? claimedSize = null) => Chunk("data", body, claimedSize);

    public byte[] Build()
    {
        var size = _chunks.Sum(c => c.Length);
        var file = new byte[12 + size];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(4 + size));
        "WAVE"u8.CopyTo(file.AsSpan(8));
        var o = 12;
        foreach (var c in _chunks) { c.CopyTo(file, o); o += c.Length; }
        return file;
    }

    public static byte[] Pcm16(params short[] samples)
    {
        var b = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(b.AsSpan(i * 2), samples[i]);
        return b;
    }
}
