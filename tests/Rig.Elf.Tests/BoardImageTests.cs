using System.Buffers.Binary;
using Rig.Core.Profiles;
using Rig.Elf.Format;
using Rig.Elf.Memory;
using Rig.Elf.Stack;

namespace Rig.Elf.Tests;

/// <summary>The four board images: built warning-free by the presets, in budget, and laid out the
/// way each chip boots.</summary>
[Collection(BoardImagesCollection.Name)]
public sealed class BoardImageTests(BoardImages boards)
{
    public static TheoryData<string> Boards => new(BoardImages.Boards);

    [Theory]
    [MemberData(nameof(Boards))]
    public void Builds_warning_free_with_elf_bin_and_hex(string board)
    {
        var elf = boards.Elf(board);
        foreach (var step in boards.Steps[board])
            Assert.DoesNotContain("warning", step.Output, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(elf));
        var bin = Path.ChangeExtension(elf, ".bin");
        var hex = Path.ChangeExtension(elf, ".hex");
        Assert.True(new FileInfo(bin).Length > 0);
        Assert.StartsWith(":", File.ReadAllText(hex));
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void Fits_the_profile_memory_budget(string board)
    {
        var profile = ProfileCatalog.Load(board);
        var graph = CallGraph.LoadDirectory(boards.BinaryDir(board));
        var report = MemoryProfiler.Profile(ElfFile.Load(boards.Elf(board)), profile, callGraph: graph);
        Assert.True(report.WithinBudget, MemoryReportText.Render(report));
        Assert.Contains(report.Checks, c => c.Name == "stack worst case"); // the build left its call graph
        Assert.Equal(profile.Memory.StackReserveBytes, report.StackReserveBytes);
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void Vector_table_starts_the_image_with_stack_top_and_reset_handler(string board)
    {
        var elfPath = boards.Elf(board);
        var elf = ElfFile.Load(elfPath);
        var bin = File.ReadAllBytes(Path.ChangeExtension(elfPath, ".bin"));
        // The .bin starts at the lowest flash address; on the RP2040 the 256-byte boot2 comes first.
        var vectors = elf.Section(".vectors")!;
        var flashStart = elf.Sections.Where(s => s.IsAlloc && !s.IsNoBits && !s.IsWritable).Min(s => s.Address);
        var at = (int)(vectors.Address - flashStart);
        var initialSp = BinaryPrimitives.ReadUInt32LittleEndian(bin.AsSpan(at));
        var reset = BinaryPrimitives.ReadUInt32LittleEndian(bin.AsSpan(at + 4));
        Assert.Equal(elf.Symbols.Single(s => s.Name == "__stack_top").Value, initialSp);
        Assert.Equal(elf.Symbols.Single(s => s.Name == "Reset_Handler").Value, reset);
        Assert.Equal(1u, reset & 1u); // Thumb bit: Cortex-M only runs Thumb code
    }

    [Fact]
    public void Rp2040_boot2_carries_the_crc_the_boot_rom_checks()
    {
        var bin = File.ReadAllBytes(Path.ChangeExtension(boards.Elf("rp2040"), ".bin"));
        // RP2040 datasheet §2.8.1: CRC-32 (poly 0x04C11DB7, init 0xFFFFFFFF, MSB first, no final
        // XOR) over bytes 0..251, stored little-endian in bytes 252..255.
        uint crc = 0xFFFFFFFF;
        foreach (var b in bin.AsSpan(0, 252))
        {
            crc ^= (uint)b << 24;
            for (var i = 0; i < 8; i++) crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        }
        Assert.Equal(crc, BinaryPrimitives.ReadUInt32LittleEndian(bin.AsSpan(252)));
        var elf = ElfFile.Load(boards.Elf("rp2040"));
        Assert.Equal(0x10000000u, elf.Section(".boot2")!.Address);
        Assert.Equal(256u, elf.Section(".boot2")!.Size);
        Assert.Equal(0x10000100u, elf.Section(".vectors")!.Address);
    }

    [Theory]
    [InlineData("py32f003", 0x08000000u, 0x20000000u, 4096u)]
    [InlineData("rp2040", 0x10000000u, 0x20000000u, 270336u)]
    [InlineData("nrf52840", 0x00000000u, 0x20000000u, 262144u)]
    [InlineData("stm32l4", 0x08000000u, 0x20000000u, 98304u)]
    public void Sections_sit_in_the_chip_memory_map(string board, uint flashOrigin, uint ramOrigin, uint ramBytes)
    {
        var elf = ElfFile.Load(boards.Elf(board));
        foreach (var s in elf.Sections.Where(s => s.IsAlloc && s.Size > 0))
        {
            if (s.IsWritable || s.IsNoBits)
                Assert.InRange(s.Address, ramOrigin, ramOrigin + ramBytes - s.Size);
            else
                Assert.InRange(s.Address, flashOrigin, flashOrigin + 0x00FFFFFFu);
        }
        Assert.Equal(flashOrigin, elf.Sections.Where(s => s.IsAlloc && !s.IsWritable && !s.IsNoBits && s.Size > 0).Min(s => s.Address));
    }
}
