namespace Rig.Gdb;

/// <summary>
/// The CRC of gdb's <c>qCRC:addr,length</c> packet, which <c>compare-sections</c> checks each section with: libiberty's
/// <c>xcrc32</c>, CRC-32 with polynomial 0x04C11DB7, MSB first, initial value 0xFFFFFFFF, no final xor.
/// </summary>
public static class GdbCrc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data, uint crc = 0xFFFF_FFFF)
    {
        foreach (var b in data) crc = (crc << 8) ^ Table[((crc >> 24) ^ b) & 0xFF];
        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i << 24;
            for (var k = 0; k < 8; k++) c = (c & 0x8000_0000) != 0 ? (c << 1) ^ 0x04C1_1DB7 : c << 1;
            table[i] = c;
        }
        return table;
    }
}
