namespace Rig.Elf.Tests;

/// <summary>
/// A small ARM image built at test time with arm-none-eabi-gcc in a temporary directory: code,
/// constants, initialised and zeroed data, a local static, and a NOLOAD .stack section, linked
/// with its own script. Also a stripped copy, the unlinked object, and a host (x86-64) object.
/// </summary>
public sealed class ArmProbeImage : IDisposable
{
    public const int StackBytes = 512;

    private const string Source = """
        #include <stdint.h>
        const uint16_t probe_table[37] = { 1, 2, 3 };
        uint32_t probe_counter = 7;
        static uint8_t probe_scratch[300];
        uint8_t probe_zeroed[64];
        static int probe_helper(int x) { probe_scratch[x & 255] = (uint8_t)x; return probe_scratch[(x + 1) & 255] + probe_table[x % 37]; }
        int probe_entry(int x) { probe_counter += (uint32_t)probe_helper(x); probe_zeroed[x & 63]++; return (int)probe_counter; }
        void Reset_Handler(void) { for (;;) probe_entry((int)probe_counter); }
        """;

    private const string LinkerScript = """
        MEMORY { FLASH (rx) : ORIGIN = 0x08000000, LENGTH = 64K  RAM (rwx) : ORIGIN = 0x20000000, LENGTH = 8K }
        ENTRY(Reset_Handler)
        SECTIONS {
          .text : { KEEP(*(.text.Reset_Handler)) *(.text .text.*) *(.rodata .rodata.*) } > FLASH
          .stack (NOLOAD) : ALIGN(8) { . += 512; } > RAM
          .data : { *(.data .data.*) } > RAM AT > FLASH
          .bss (NOLOAD) : { *(.bss .bss.*) *(COMMON) } > RAM
        }
        """;

    public ArmProbeImage()
    {
        Dir = Directory.CreateTempSubdirectory("rig-elf-probe-").FullName;
        File.WriteAllText(Path.Combine(Dir, "probe.c"), Source);
        File.WriteAllText(Path.Combine(Dir, "probe.ld"), LinkerScript);
        Tool.Ok("arm-none-eabi-gcc", "-mcpu=cortex-m0plus", "-mthumb", "-Os", "-ffunction-sections", "-fdata-sections",
            "-c", Path.Combine(Dir, "probe.c"), "-o", ObjectPath);
        Tool.Ok("arm-none-eabi-gcc", "-mcpu=cortex-m0plus", "-mthumb", "-nostartfiles", "-nostdlib", "-Wl,--gc-sections",
            "-T", Path.Combine(Dir, "probe.ld"), ObjectPath, "-lgcc", "-o", ElfPath);
        Tool.Ok("arm-none-eabi-strip", "-o", StrippedPath, ElfPath);
        Tool.Ok("gcc", "-c", Path.Combine(Dir, "probe.c"), "-o", HostObjectPath);
    }

    public string Dir { get; }
    public string ElfPath => Path.Combine(Dir, "probe.elf");
    public string ObjectPath => Path.Combine(Dir, "probe.o");
    public string StrippedPath => Path.Combine(Dir, "probe.stripped.elf");
    public string HostObjectPath => Path.Combine(Dir, "probe.host.o");

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}
