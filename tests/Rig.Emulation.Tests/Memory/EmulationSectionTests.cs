using Rig.Core;
using Rig.Core.Config;
using Rig.Core.Profiles;
using Rig.Emulation.Memory;

namespace Rig.Emulation.Tests.Memory;

/// <summary>The profiles' emulation: sections become memory maps; a bad one is refused with file, line and field.</summary>
public sealed class EmulationSectionTests
{
    [Theory]
    [InlineData("py32f003", 0x0800_0000u, 0x0000_0000u)]
    [InlineData("stm32l4", 0x0800_0000u, 0x0000_0000u)]
    public void A_flash_alias_shares_the_bytes_of_the_flash(string board, uint flash, uint alias)
    {
        var map = ChipMemory.Build(ProfileCatalog.Load(board).Emulation!);
        map.Load(flash + 0x40, [1, 2, 3, 4]);
        Assert.Equal(0x0403_0201u, map.Read32(alias + 0x40));
    }

    [Theory]
    [InlineData("py32f003")]
    [InlineData("rp2040")]
    [InlineData("nrf52840")]
    [InlineData("stm32l4")]
    public void Every_profile_has_a_memory_map_whose_flash_and_ram_hold_the_boards_flash_and_ram(string board)
    {
        var profile = ProfileCatalog.Load(board);
        var section = profile.Emulation!;
        Assert.Contains(section.Regions, r => r.Kind == "flash" && (r.Size >= profile.Board.FlashBytes || profile.Board.FlashBytes == 0));
        Assert.True(section.Regions.Where(r => r.Kind == "sram").Sum(r => (long)r.Size) >= profile.Board.RamBytes);
    }

    [Fact]
    public void Overlapping_regions_are_refused_with_the_field()
    {
        var text = File.ReadAllText(ProfileCatalog.PathFor("py32f003"))
            .Replace("{ name: sram, start: 0x20000000", "{ name: sram, start: 0x08004000");
        var e = Assert.Throws<ConfigException>(() => BoardProfile.Parse("bad.yaml", text));
        Assert.Contains("emulation.regions", e.Message);
        Assert.Contains("overlaps flash", e.Message);
    }
}
