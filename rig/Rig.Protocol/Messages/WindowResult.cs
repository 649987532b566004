using System.Buffers.Binary;

namespace Rig.Protocol.Messages;

/// <summary>
/// One classified window: its index, the winning class, Q15 scores per class, frontend cycles of its columns and model
/// cycles; a graph-mode board appends the model's int8 output (<see cref="Outputs"/>, null from an MLP board).
/// </summary>
public sealed record WindowResult(uint Window, int Class, short[] Scores, uint FrontendCycles, uint ModelCycles) : BoardMessage
{
    /// <summary>The graph's int8 output tensor (u8 m, int8[m] after the model cycles), or null when the board sent none.</summary>
    public sbyte[]? Outputs { get; init; }

    public static WindowResult FromPayload(byte[] p)
    {
        if (p.Length < 6) throw Bad("result", p.Length);
        var classes = p[5];
        var fixedBytes = 6 + 2 * classes + 8;
        sbyte[]? outputs = null;
        if (p.Length > fixedBytes)
        {
            var m = p[fixedBytes];
            if (p.Length != fixedBytes + 1 + m) throw Bad("result", p.Length);
            outputs = new sbyte[m];
            for (var i = 0; i < m; i++) outputs[i] = (sbyte)p[fixedBytes + 1 + i];
        }
        else if (p.Length != fixedBytes) throw Bad("result", p.Length);
        var s = p.AsSpan();
        var cls = p[4] == 0xFF ? -1 : p[4];
        return new WindowResult(BinaryPrimitives.ReadUInt32LittleEndian(s), cls, Q15(s.Slice(6, 2 * classes)),
            BinaryPrimitives.ReadUInt32LittleEndian(s[(6 + 2 * classes)..]), BinaryPrimitives.ReadUInt32LittleEndian(s[(10 + 2 * classes)..]))
        {
            Outputs = outputs,
        };
    }
}
