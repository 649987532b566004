namespace Rig.Emulation.Gdb;

/// <summary>
/// The CRC of gdb's <c>qCRC</c> packet (<c>compare-sections</c>): libiberty's xcrc32, CRC-32 polynomial 0x04C11DB7
/// shifted MSB first, initial value 0xFFFFFFFF, no final inversion.
/// </summary>
public static class GdbCrc32
{
    static readonly uint[] Table = Build();

    static uint[] Build()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i << 24;
            for (var j = 0; j < 8; j++) c = (c & 0x8000_0000) != 0 ? (c << 1) ^ 0x04C1_1DB7 : c << 1;
            table[i] = c;
        }
        return table;
    }

    public static uint Compute(ReadOnlySpan<byte> data, uint crc = 0xFFFF_FFFF)
    {
        foreach (var b in data) crc = (crc << 8) ^ Table[((crc >> 24) ^ b) & 0xFF];
        return crc;
    }
}
