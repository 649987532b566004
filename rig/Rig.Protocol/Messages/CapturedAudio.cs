using System.Buffers.Binary;

namespace Rig.Protocol.Messages;

/// <summary>Samples the board's ADC captured in acoustic mode, echoed so the golden model sees exactly what the board heard.</summary>
public sealed record CapturedAudio(uint FirstSample, short[] Samples) : BoardMessage
{
    public static CapturedAudio FromPayload(byte[] p)
    {
        if (p.Length < 4 || (p.Length & 1) != 0) throw Bad("capture", p.Length);
        return new CapturedAudio(BinaryPrimitives.ReadUInt32LittleEndian(p), Q15(p.AsSpan(4)));
    }
}
