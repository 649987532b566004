using Rig.Flash.Gdb;
using Rig.Gdb;

namespace Rig.Flash.Tests.Gdb;

public class GdbMemoryMapTests
{
    private const string Map = """
        <?xml version="1.0"?>
        <!DOCTYPE memory-map PUBLIC "+//IDN gnu.org//DTD GDB Memory Map V1.0//EN" "http://sourceware.org/gdb/gdb-memory-map.dtd">
        <memory-map>
          <memory type="flash" start="0x8000000" length="0x8000"><property name="blocksize">0x80</property></memory>
          <memory type="ram" start="0x20000000" length="0x1000"/>
        </memory-map>
        """;

    [Fact]
    public void Flash_regions_and_their_erase_blocks_are_read_from_the_servers_map()
    {
        var map = GdbMemoryMap.Parse(Map);
        var flash = Assert.Single(map.Flash);
        Assert.Equal(new FlashRegion(0x0800_0000, 0x8000, 0x80), flash);
        Assert.Same(flash, map.FlashAt(0x0800_0100, 0x0800_0200));
        Assert.Null(map.FlashAt(0x2000_0000, 0x2000_0010));
        Assert.Null(map.FlashAt(0x0800_7F00, 0x0800_8100)); // runs past the region's end
        Assert.Equal(0x0800_0080u, flash.BlockStart(0x0800_00C3));
        Assert.Equal(0x0800_0100u, flash.BlockEnd(0x0800_00C3));
        Assert.Equal(0x0800_0100u, flash.BlockEnd(0x0800_0100));
    }

    [Fact]
    public void A_region_without_a_start_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => GdbMemoryMap.Parse("<memory-map><memory type=\"flash\" length=\"0x10\"/></memory-map>"));
        Assert.Contains("start", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_qcrc_checksum_is_crc32_mpeg2_as_gdbs_xcrc32()
    {
        // CRC-32/MPEG-2 check value (poly 0x04C11DB7, init 0xFFFFFFFF, MSB first, no final xor): libiberty's xcrc32.
        Assert.Equal(0x0376_E6E7u, GdbCrc32.Compute("123456789"u8));
        Assert.Equal(0xFFFF_FFFFu, GdbCrc32.Compute([]));
    }
}
