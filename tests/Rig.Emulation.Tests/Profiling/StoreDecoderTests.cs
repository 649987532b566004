using Rig.Emulation.Profiling;

namespace Rig.Emulation.Tests.Profiling;

/// <summary>
/// Store addresses from the registers after the store (writeback already done). Encodings from
/// arm-none-eabi-as -mcpu=cortex-m4 (objdump), so each case is the halfwords gcc emits.
/// </summary>
public sealed class StoreDecoderTests
{
    const uint Base = 0x2000_0100;

    static uint[] Registers(uint r2, uint r3 = 0, uint r0 = 0, uint sp = 0x2000_1000)
    {
        var r = new uint[16];
        r[0] = r0;
        r[2] = r2;
        r[3] = r3;
        r[13] = sp;
        return r;
    }

    [Theory]
    [InlineData(0xF8C2, 0x1123, Base, 0u, Base + 0x123, 4u)]        // str.w r1, [r2, #0x123]
    [InlineData(0xE962, 0x1302, Base - 8, 0u, Base - 8, 8u)]       // strd r1, r3, [r2, #-8]!  (r2 already moved)
    [InlineData(0xF842, 0x1904, Base - 4, 0u, Base, 4u)]           // str.w r1, [r2], #-4       (stored at the old base)
    [InlineData(0xF842, 0x1F04, Base + 4, 0u, Base + 4, 4u)]       // str.w r1, [r2, #4]!
    [InlineData(0xF822, 0x1023, Base, 3u, Base + 12, 2u)]          // strh.w r1, [r2, r3, lsl #2]
    [InlineData(0xF802, 0x1C03, Base, 0u, Base - 3, 1u)]           // strb.w r1, [r2, #-3]
    [InlineData(0xE8A2, 0x010A, Base + 12, 0u, Base, 12u)]         // stmia.w r2!, {r1, r3, r8}
    [InlineData(0xED02, 0x1B04, Base, 0u, Base - 16, 8u)]          // vstr d1, [r2, #-16]
    [InlineData(0xE842, 0x1002, Base, 0u, Base + 8, 4u)]           // strex r0, r1, [r2, #8] (r0 = 0: it stored)
    [InlineData(0xE8C2, 0x1F50, Base, 0u, Base, 2u)]               // strexh r0, r1, [r2]
    public void A_thumb2_store_names_the_bytes_it_wrote(int hw1, int hw2, uint r2, uint r3, uint address, uint length)
    {
        Assert.Equal((address, length), StoreDecoder.Decode((ushort)hw1, (ushort)hw2, Registers(r2, r3)));
    }

    [Fact]
    public void Pushes_cover_the_words_below_the_old_sp()
    {
        // stmdb sp!, {r4-r11, lr}: nine words, SP already lowered by 36.
        Assert.Equal((0x2000_1000u - 36, 36u), StoreDecoder.Decode(0xE92D, 0x4FF0, Registers(0, sp: 0x2000_1000 - 36)));
        // vpush {s16-s19}
        Assert.Equal((0x2000_1000u - 16, 16u), StoreDecoder.Decode(0xED2D, 0x8A04, Registers(0, sp: 0x2000_1000 - 16)));
        // push {r4, r5, lr} (16-bit)
        Assert.Equal((0x2000_1000u - 12, 12u), StoreDecoder.Decode(0xB530, 0, Registers(0, sp: 0x2000_1000 - 12)));
    }

    [Fact]
    public void Loads_and_a_failed_strex_store_nothing()
    {
        Assert.Equal(0u, StoreDecoder.Decode(0xF8D2, 0x1004, Registers(Base)).Length);   // ldr.w r1, [r2, #4]
        Assert.Equal(0u, StoreDecoder.Decode(0xE842, 0x1002, Registers(Base, r0: 1)).Length); // strex that lost the monitor
        Assert.Equal(0u, StoreDecoder.Decode(0x6851, 0, Registers(Base)).Length);         // ldr r1, [r2, #4]
    }
}
