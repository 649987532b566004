using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Rp2040;

/// <summary>
/// What the RP2040's boot ROM does on core 0 before the image's own code runs (datasheet 2.8.1
/// "Processor Controlled Boot Sequence"), done here in C# instead of executing the ROM (its code is not
/// part of the image, and the emulator has no copy of it):
/// <list type="number">
/// <item>read the first 256 bytes of the flash (boot2), and check the CRC32 of bytes 0..251 (polynomial
/// 0x04C11DB7, initial value 0xFFFFFFFF, MSB first, no final XOR) against the word in bytes 252..255; a
/// mismatch is where the real ROM gives up on flash and enters USB boot: the model refuses the image;</item>
/// <item>copy the 256 bytes to SRAM at 0x20041F00 (the top of SRAM5) and enter boot2 there in Thumb
/// state with LR = 0 ("entered from the ROM": boot2 then starts the application through the vector table
/// after it, setting VTOR and MSP itself), MSP at the top of SRAM 0x20042000 (ASSUMPTION: the ROM's own
/// stack; boot2 uses one word of it), VTOR = 0 (the ROM's vector table).</item>
/// </list>
/// Core 1 stays in the ROM waiting for a launch through the SIO FIFO, which the port never sends: it is
/// not emulated. ASSUMPTION: the emulated ROM takes no cycles (the real one spends some milliseconds on
/// its clock and pad set-up and the slow 03h read of boot2), so the cycle count starts at boot2.
/// </summary>
public static class Rp2040BootRom
{
    public const uint FlashBase = 0x1000_0000;
    public const uint Boot2Bytes = 256;
    public const uint Boot2Sram = 0x2004_1F00;
    public const uint RomStackTop = 0x2004_2000;
    const uint ScbVtor = 0xE000_ED08;

    public static void Boot(ArmCore core)
    {
        var memory = core.Memory;
        var boot2 = new byte[Boot2Bytes];
        for (var i = 0u; i < Boot2Bytes; i++) boot2[i] = (byte)memory.Read8(FlashBase + i);
        var expected = BitConverter.ToUInt32(boot2, 252);
        var actual = Crc32(boot2.AsSpan(0, 252));
        if (actual != expected)
            throw new InvalidDataException($"boot2 (flash 0x{FlashBase:X8}, 256 bytes) has CRC32 0x{actual:X8} over bytes 0..251 but stores 0x{expected:X8}: the RP2040 boot ROM would not run it and would enter USB boot (datasheet 2.8.1)");
        memory.Load(Boot2Sram, boot2);
        memory.Write32(ScbVtor, 0);
        core.Msp = RomStackTop;
        core.R[14] = 0;
        core.Pc = Boot2Sram;
        core.R[15] = Boot2Sram;
        core.FlushFetchCache();
    }

    /// <summary>CRC-32/MPEG-2 as the boot ROM checks boot2: poly 0x04C11DB7, init 0xFFFFFFFF, MSB first, no final XOR.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFF_FFFFu;
        foreach (var b in data)
        {
            crc ^= (uint)b << 24;
            for (var bit = 0; bit < 8; bit++) crc = (crc & 0x8000_0000) != 0 ? (crc << 1) ^ 0x04C1_1DB7 : crc << 1;
        }
        return crc;
    }
}
