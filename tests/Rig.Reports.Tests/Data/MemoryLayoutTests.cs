using Rig.Reports.Data;

namespace Rig.Reports.Tests.Data;

public sealed class MemoryLayoutTests
{
    [Theory]
    [InlineData(".text", MemoryPlacement.Flash)]
    [InlineData(".rodata", MemoryPlacement.Flash)]
    [InlineData(".isr_vector", MemoryPlacement.Flash)]
    [InlineData(".data", MemoryPlacement.Both)]
    [InlineData(".bss", MemoryPlacement.Ram)]
    [InlineData(".bss.rig_frontend", MemoryPlacement.Ram)]
    [InlineData(".stack", MemoryPlacement.Ram)]
    [InlineData(".heap", MemoryPlacement.Ram)]
    [InlineData(".ram_vectors", MemoryPlacement.Ram)]
    public void Conventional_names_place_sections(string section, MemoryPlacement expected) =>
        Assert.Equal(expected, MemoryLayout.Of(section));

    [Fact]
    public void Regions_recorded_from_the_elf_win_over_the_name()
    {
        var regions = new Dictionary<string, string> { [".text"] = "ram", [".odd"] = "flash+ram", [".bss"] = "flash" };
        Assert.Equal(MemoryPlacement.Ram, MemoryLayout.Of(".text", regions));
        Assert.Equal(MemoryPlacement.Both, MemoryLayout.Of(".odd", regions));
        Assert.Equal(MemoryPlacement.Flash, MemoryLayout.Of(".bss", regions));
        Assert.Equal(MemoryPlacement.Flash, MemoryLayout.Of(".rodata", regions));
    }
}
