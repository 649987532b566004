using System.Globalization;
using Rig.Core.Profiles;
using Rig.Elf.Format;
using Rig.Elf.Memory;

namespace Rig.Elf.Tests;

/// <summary>
/// Frontend RAM when the frontend state is embedded in the app's struct: the image records
/// sizeof(rig_frontend_t) with RIG_META_SIZEOF (firmware/boards/cortexm/rig_meta.h) in a section
/// that is never loaded, and rig mem counts that many bytes of the holder as frontend.
/// </summary>
public sealed class StateSizeTests : IDisposable
{
    private const string Main = """
        #include <stdint.h>
        #include "rig_meta.h"
        typedef struct { int16_t ring[96]; int32_t acc[13]; uint8_t fill; } rig_frontend_t;
        typedef struct { rig_frontend_t frontend; uint8_t rx[50]; } rig_app_t;
        RIG_META_SIZEOF(rig_frontend_t);
        RIG_META_SIZEOF(rig_app_t);
        static rig_app_t app;
        void Reset_Handler(void) { for (;;) app.rx[app.frontend.fill++ & 31] = (uint8_t)app.frontend.ring[3]; }
        """;

    private const string Script = """
        MEMORY { FLASH (rx) : ORIGIN = 0x08000000, LENGTH = 64K  RAM (rwx) : ORIGIN = 0x20000000, LENGTH = 8K }
        ENTRY(Reset_Handler)
        SECTIONS {
          .text : { *(.text .text.*) *(.rodata .rodata.*) } > FLASH
          .bss (NOLOAD) : { *(.bss .bss.*) } > RAM
          .rig_meta 0 (INFO) : { KEEP(*(.rig_meta)) }
        }
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("rig-elf-meta-").FullName;
    private readonly string _elf;

    public StateSizeTests()
    {
        File.WriteAllText(Path.Combine(_dir, "main.c"), Main);
        File.WriteAllText(Path.Combine(_dir, "meta.ld"), Script);
        _elf = Path.Combine(_dir, "meta.elf");
        Tool.Ok("arm-none-eabi-gcc", "-mcpu=cortex-m0plus", "-mthumb", "-Os", "-std=c99", "-Wall", "-Wextra", "-Werror",
            "-I", FirmwareTree.CortexM, "-nostartfiles", "-nostdlib",
            "-T", Path.Combine(_dir, "meta.ld"), Path.Combine(_dir, "main.c"), "-o", _elf);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The .rig_meta words as objdump dumps them: name order follows the symbol addresses.</summary>
    private Dictionary<string, int> MetaFromBinutils()
    {
        var words = new List<int>();
        foreach (var line in Tool.Ok("arm-none-eabi-objdump", "-s", "-j", ".rig_meta", _elf).Split('\n'))
        {
            var t = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (t.Length < 2 || t[0].Length != 4 || !int.TryParse(t[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _)) continue;
            foreach (var w in t.Skip(1).TakeWhile(x => x.Length == 8 && x.All(Uri.IsHexDigit)))
                words.Add(BitConverter.ToInt32(Convert.FromHexString(w)));
        }
        var symbols = SizeTools.SizedSymbols(_elf).Where(s => s.Name.StartsWith("rig_meta_sizeof_", StringComparison.Ordinal)).OrderBy(s => s.Value);
        return symbols.Select((s, i) => (s.Name["rig_meta_sizeof_".Length..], words[(int)(s.Value / 4)])).ToDictionary(x => x.Item1, x => x.Item2);
    }

    [Fact]
    public void Recorded_sizes_cost_no_flash_and_read_back_as_binutils_shows_them()
    {
        var elf = ElfFile.Load(_elf);
        var meta = elf.Section(".rig_meta")!;
        Assert.False(meta.IsAlloc);
        var expected = MetaFromBinutils();
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected.OrderBy(kv => kv.Key), MemoryProfiler.StateSizes(elf).OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Embedded_frontend_state_counts_as_frontend_ram()
    {
        var elf = ElfFile.Load(_elf);
        var report = MemoryProfiler.Profile(elf, "meta", 0, 0, new MemorySection(0, 0, 0, 64));
        var state = MetaFromBinutils()["rig_frontend_t"];
        var app = SizeTools.SizedSymbols(_elf).Single(s => s.Name == "app");
        Assert.Equal(state, report.FrontendRamBytes);
        Assert.NotNull(report.FrontendNote);
        Assert.Equal((int)app.Size - state, report.Modules.Single(m => m.Name == FirmwareModule.App).RamBytes);
        Assert.Equal(state, report.Modules.Single(m => m.Name == FirmwareModule.Frontend).RamBytes);
    }
}
