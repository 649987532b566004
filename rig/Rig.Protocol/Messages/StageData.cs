using System.Buffers.Binary;

namespace Rig.Protocol.Messages;

/// <summary>
/// Debug mode: a slice of one frontend stage's output for one column (stage ids as Rig.Dsp's
/// FrontendStage: 0 window, 1 fft, 2 power, 3 mel, 4 log, 5 dct). Power and mel values are uint32,
/// the others int16; <see cref="Shift"/> is the column's block-floating-point exponent.
/// </summary>
public sealed record StageData(uint Column, int Stage, int Shift, int Offset, long[] Values) : BoardMessage
{
    public static bool IsWide(int stage) => stage is 2 or 3;

    public static StageData FromPayload(byte[] p)
    {
        if (p.Length < 8) throw Bad("stage", p.Length);
        var stage = p[4];
        if (stage > 5) throw new InvalidDataException($"board sent a stage message for unknown stage {stage}");
        var wide = IsWide(stage) ? 4 : 2;
        if ((p.Length - 8) % wide != 0) throw Bad("stage", p.Length);
        var values = new long[(p.Length - 8) / wide];
        for (var i = 0; i < values.Length; i++)
            values[i] = wide == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(8 + 4 * i)) : BinaryPrimitives.ReadInt16LittleEndian(p.AsSpan(8 + 2 * i));
        return new StageData(BinaryPrimitives.ReadUInt32LittleEndian(p), stage, (sbyte)p[5], BinaryPrimitives.ReadUInt16LittleEndian(p.AsSpan(6)), values);
    }
}
