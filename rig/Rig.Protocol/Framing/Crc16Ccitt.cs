namespace Rig.Protocol.Framing;

/// <summary>
/// CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor), the frame check of
/// firmware/PROTOCOL.md; same bitwise algorithm as firmware/core/crc.c. Check value of "123456789": 0x29B1.
/// </summary>
public static class Crc16Ccitt
{
    public const ushort Init = 0xFFFF;

    public static ushort Compute(ReadOnlySpan<byte> data, ushort crc = Init)
    {
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return crc;
    }
}
