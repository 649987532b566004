using System.Buffers.Binary;

namespace Rig.Protocol.Messages;

/// <summary>One frontend output column: its index since START, the cycles the frontend spent on it, the Q15 values.</summary>
public sealed record FeatureColumn(uint Index, uint Cycles, short[] Values) : BoardMessage
{
    public static FeatureColumn FromPayload(byte[] p)
    {
        if (p.Length < 8 || (p.Length & 1) != 0) throw Bad("feature", p.Length);
        return new FeatureColumn(BinaryPrimitives.ReadUInt32LittleEndian(p), BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(4)), Q15(p.AsSpan(8)));
    }
}
