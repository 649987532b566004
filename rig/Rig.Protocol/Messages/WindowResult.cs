using System.Buffers.Binary;

namespace Rig.Protocol.Messages;

/// <summary>One classified window: its index, the winning class, Q15 scores per class, frontend cycles of its columns and model cycles.</summary>
public sealed record WindowResult(uint Window, int Class, short[] Scores, uint FrontendCycles, uint ModelCycles) : BoardMessage
{
    public static WindowResult FromPayload(byte[] p)
    {
        if (p.Length < 6) throw Bad("result", p.Length);
        var classes = p[5];
        if (p.Length != 6 + 2 * classes + 8) throw Bad("result", p.Length);
        var s = p.AsSpan();
        var cls = p[4] == 0xFF ? -1 : p[4];
        return new WindowResult(BinaryPrimitives.ReadUInt32LittleEndian(s), cls, Q15(s.Slice(6, 2 * classes)),
            BinaryPrimitives.ReadUInt32LittleEndian(s[(6 + 2 * classes)..]), BinaryPrimitives.ReadUInt32LittleEndian(s[(10 + 2 * classes)..]));
    }
}
