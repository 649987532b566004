using Rig.Core.Profiles;
using Rig.Elf.Format;
using Rig.Elf.Memory;

namespace Rig.Elf.Tests;

/// <summary>The parser against binutils, on an image built here and on every profile's board image.</summary>
[Collection(BoardImagesCollection.Name)]
public sealed class ElfParserTests(BoardImages boards, ArmProbeImage probe) : IClassFixture<ArmProbeImage>
{
    public static TheoryData<string> Images => new(RepoProfiles.Names.Prepend("probe"));

    private string PathOf(string image) => image == "probe" ? probe.ElfPath : boards.Elf(image);

    [Theory]
    [MemberData(nameof(Images))]
    public void Header_says_32_bit_arm_executable(string image)
    {
        var elf = ElfFile.Load(PathOf(image));
        Assert.Equal(ElfMachine.Arm, elf.Machine);
        Assert.Equal(ElfType.Executable, elf.Type);
        Assert.True(elf.HasSymbolTable);
        var reset = Assert.Single(elf.Symbols, s => s.Name == "Reset_Handler");
        Assert.Equal(reset.Value, elf.Entry);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Every_section_matches_size_sysv(string image)
    {
        var path = PathOf(image);
        var elf = ElfFile.Load(path);
        var expected = SizeTools.Sections(path);
        Assert.NotEmpty(expected);
        foreach (var s in expected)
        {
            var mine = Assert.Single(elf.Sections, x => x.Name == s.Name);
            Assert.Equal(s.Size, mine.Size);
            Assert.Equal(s.Address, mine.Address);
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Flash_and_ram_totals_match_size_berkeley(string image)
    {
        var path = PathOf(image);
        var (text, data, bss) = SizeTools.Berkeley(path);
        var report = MemoryProfiler.Profile(ElfFile.Load(path), image, 0, 0, new MemorySection(0, 0, 0, 64));
        Assert.Equal(text + data, report.FlashBytes);
        // size counts the NOLOAD .stack as bss; the report keeps it apart as the stack reserve.
        Assert.Equal(data + bss, report.StaticRamBytes + report.StackReserveBytes);
        Assert.Equal(report.StaticRamBytes + report.StackReserveBytes, report.RamBytes);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void Sized_symbols_match_nm(string image)
    {
        var path = PathOf(image);
        var elf = ElfFile.Load(path);
        var expected = SizeTools.SizedSymbols(path).Select(s => (s.Name, s.Value, s.Size)).Order().ToList();
        var mine = elf.Symbols
            .Where(s => s.Size > 0 && s.SectionIndex != 0 && s.Type is not (ElfSymbolType.File or ElfSymbolType.Section))
            .Select(s => (s.Name, s.Address(elf.Machine), s.Size)).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, mine);
    }

    [Fact]
    public void Local_symbols_know_their_source_file()
    {
        var elf = ElfFile.Load(probe.ElfPath);
        Assert.Contains(elf.Symbols, s => s.Type == ElfSymbolType.File && s.Name == "probe.c");
        var scratch = Assert.Single(elf.Symbols, s => s.Name == "probe_scratch");
        Assert.True(scratch.IsLocal);
        Assert.Equal("probe.c", scratch.File);
        var nm = SizeTools.SizedSymbols(probe.ElfPath).Single(s => s.Name == "probe_scratch");
        Assert.Equal('b', nm.Kind); // local bss according to nm as well
    }

    [Fact]
    public void Stack_section_is_the_stack_reserve()
    {
        var elf = ElfFile.Load(probe.ElfPath);
        var stack = Assert.Single(elf.Sections, s => s.Name == ".stack");
        var report = MemoryProfiler.Profile(elf, "probe", 0, 0, new MemorySection(0, 0, 0, 64));
        Assert.Equal((int)stack.Size, report.StackReserveBytes);
        Assert.Equal(ArmProbeImage.StackBytes, report.StackReserveBytes);
    }
}
