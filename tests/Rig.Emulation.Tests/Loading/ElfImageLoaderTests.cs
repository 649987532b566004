using Rig.Elf.Format;
using Rig.Emulation.Cpu;
using Rig.Emulation.Loading;
using Rig.Emulation.Memory;
using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Loading;

/// <summary>The loader refuses what would not run: another architecture, the wrong core, a segment outside the map.</summary>
public sealed class ElfImageLoaderTests
{
    static MemoryMap TestMap()
    {
        var map = new MemoryMap();
        map.AddMemory("flash", 0, 0x10000, writable: false, 0);
        map.AddMemory("sram", 0x2000_0000, 0x4000, writable: true, 0);
        return map;
    }

    [Fact]
    public void Segments_are_placed_at_their_load_address_and_the_symbols_come_along()
    {
        var path = ThumbAssembler.Program("""
            reset:
                ldr r0, =0x12345678
                bkpt #0
                .data
            value:
                .word 0xA5A5A5A5
            """);
        var map = TestMap();
        var symbols = ElfImageLoader.Load(ElfFile.Load(path), map, CoreKind.CortexM0Plus, "test chip");
        var reset = symbols.AddressOf("reset")!.Value;
        Assert.Equal(reset | 1, map.Read32(4));
        // .data's bytes sit in flash at its LMA (after .text), not yet in RAM: start-up code copies them.
        var elf = ElfFile.Load(path);
        var data = elf.Segments.Single(s => s.IsLoad && s.VirtualAddress == 0x2000_0000);
        Assert.NotEqual(data.VirtualAddress, data.PhysicalAddress);
        Assert.Equal(0xA5A5_A5A5u, map.Read32(data.PhysicalAddress));
        Assert.Equal(0u, map.Read32(0x2000_0000));
    }

    [Fact]
    public void An_image_compiled_for_the_m4_is_refused_by_the_m0plus()
    {
        var path = ThumbAssembler.Program("reset:\n    bkpt #0", cpu: "cortex-m4");
        var e = Assert.Throws<InvalidDataException>(() => ElfImageLoader.Load(ElfFile.Load(path), TestMap(), CoreKind.CortexM0Plus, "test chip"));
        Assert.Contains("ARMv7E-M", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void An_elf_for_another_machine_is_refused_naming_it()
    {
        var path = ThumbAssembler.Program("reset:\n    bkpt #0");
        var bytes = File.ReadAllBytes(path);
        bytes[18] = 3; // e_machine = EM_386
        bytes[19] = 0;
        var elf = ElfFile.Parse("i386.elf", bytes);
        var e = Assert.Throws<InvalidDataException>(() => ElfImageLoader.Load(elf, TestMap(), CoreKind.CortexM0Plus, "test chip"));
        Assert.Contains("i386.elf: built for x86 (i386)", e.Message);
    }

    [Fact]
    public void A_segment_outside_the_memory_map_is_refused_with_its_address()
    {
        const string script = """
            MEMORY { FLASH (rx) : ORIGIN = 0x30000000, LENGTH = 64K }
            SECTIONS { .text : { *(.text*) } > FLASH }
            """;
        var path = ThumbAssembler.Assemble("""
                .syntax unified
                .thumb
                .text
                .global _start
            _start:
                bkpt #0
            """, "cortex-m0plus", script);
        var e = Assert.Throws<InvalidDataException>(() => ElfImageLoader.Load(ElfFile.Load(path), TestMap(), CoreKind.CortexM0Plus, "test chip"));
        Assert.Contains("0x30000000", e.Message);
        Assert.Contains("in no memory region of the test chip memory map", e.Message);
    }

    [Fact]
    public void A_segment_running_past_the_end_of_ram_is_refused()
    {
        const string script = """
            MEMORY { FLASH (rx) : ORIGIN = 0, LENGTH = 64K
                     RAM (rwx) : ORIGIN = 0x20000000, LENGTH = 64K }
            SECTIONS { .text : { *(.text*) } > FLASH  .bss : { *(.bss*) } > RAM }
            """;
        var path = ThumbAssembler.Assemble("""
                .syntax unified
                .thumb
                .text
                .global _start
            _start:
                bkpt #0
                .bss
            big:
                .space 0x5000
            """, "cortex-m0plus", script);
        var e = Assert.Throws<InvalidDataException>(() => ElfImageLoader.Load(ElfFile.Load(path), TestMap(), CoreKind.CortexM0Plus, "test chip"));
        Assert.Contains("past the end of sram", e.Message);
    }
}
