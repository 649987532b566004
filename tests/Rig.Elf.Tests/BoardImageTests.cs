using System.Buffers.Binary;
using Rig.Core.Profiles;
using Rig.Elf.Format;
using Rig.Elf.Memory;
using Rig.Elf.Stack;

namespace Rig.Elf.Tests;

/// <summary>Every profile's board image: built warning-free by the presets, in budget, and laid out the
/// way each chip boots.</summary>
[Collection(BoardImagesCollection.Name)]
public sealed class BoardImageTests(BoardImages boards)
{
    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
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
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
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
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
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

    /// <summary>
    /// The board's linker script places RAM where every Cortex-M has its SRAM (0x20000000, ARMv6-M/ARMv7-M
    /// architecture memory map) within the profile's RAM, and code below it (the code region) within the
    /// profile's flash; every allocated section of the image lies in those regions, and the image starts
    /// at the lowest code region (where the chip boots from).
    /// </summary>
    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Sections_sit_in_the_chip_memory_map(string board)
    {
        const uint sramStart = 0x20000000u;
        var chip = ProfileCatalog.Load(board).Board;
        var regions = LinkerScriptMemory.ReadBoard(board);
        var ram = Assert.Single(regions, r => r.Name == "RAM");
        Assert.Equal(sramStart, ram.Origin);
        Assert.InRange(ram.Length, 1u, (uint)chip.RamBytes);
        var code = regions.Where(r => !r.Writable).ToList();
        Assert.NotEmpty(code);
        Assert.All(code, r => Assert.InRange(r.End, r.Origin + 1, sramStart));
        if (chip.FlashBytes > 0) Assert.InRange(code.Sum(r => (long)r.Length), 1, chip.FlashBytes);

        var elf = ElfFile.Load(boards.Elf(board));
        foreach (var s in elf.Sections.Where(s => s.IsAlloc && s.Size > 0))
        {
            if (s.IsWritable || s.IsNoBits)
                Assert.InRange(s.Address, ram.Origin, ram.End - s.Size);
            else
                Assert.Contains(code, r => s.Address >= r.Origin && s.Address + s.Size <= r.End);
        }
        Assert.Equal(code.Min(r => r.Origin), elf.Sections.Where(s => s.IsAlloc && !s.IsWritable && !s.IsNoBits && s.Size > 0).Min(s => s.Address));
    }
}
