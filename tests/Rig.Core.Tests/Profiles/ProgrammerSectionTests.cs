using Rig.Core;
using Rig.Core.Config;
using Rig.Core.Profiles;

namespace Rig.Core.Tests.Profiles;

/// <summary>programmer: the default of `rig flash`, optional, refused with file, line and field when wrong.</summary>
public class ProgrammerSectionTests
{
    private const string File = "profiles/programmer.yaml";

    private static ProgrammerSection? Read(string yaml)
    {
        var doc = YamlDocument.Parse(File, yaml);
        var section = ProgrammerSection.Read(doc.Root.Map("programmer", required: false));
        doc.ThrowIfErrors();
        return section;
    }

    [Fact]
    public void A_gdb_server_or_a_tool_is_read_and_openocd_takes_its_config_files()
    {
        Assert.Equal("gdb://localhost:3333", Read("programmer:\n  via: gdb://localhost:3333\n")!.Via);
        Assert.Equal("st-flash", Read("programmer:\n  via: st-flash\n")!.Via);
        Assert.Equal(["interface/stlink.cfg", "target/stm32l4x.cfg"], Read("programmer:\n  via: openocd\n  openocd_config: interface/stlink.cfg target/stm32l4x.cfg\n")!.OpenocdConfig);
        Assert.Null(Read("name: x\n"));
    }

    [Theory]
    [InlineData("  via: jlink\n", "programmer.via", "is not gdb://host:port")]
    [InlineData("  via: gdb://localhost\n", "programmer.via", "is not gdb://host:port")]
    [InlineData("  via: openocd\n", "programmer.openocd_config", "configuration files")]
    [InlineData("  via: picotool\n  speed: 4000\n", "programmer.speed", "unknown field")]
    public void Wrong_programmers_are_refused_naming_the_field_and_the_reason(string lines, string field, string reason)
    {
        var e = Assert.Throws<ConfigException>(() => Read("programmer:\n" + lines));
        var error = Assert.Single(e.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.Contains(File, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Shipped_profiles_name_their_programmer(string profile) =>
        Assert.NotNull(ProfileCatalog.Load(profile).Programmer);
}
