using Rig.Core;
using Rig.Core.Config;
using Rig.Core.Profiles;

namespace Rig.Core.Tests.Profiles;

/// <summary>The gate: section's host-timed limits and mismatch counts: read when given, defaulted when absent, refused when negative.</summary>
public class GateSectionTests
{
    private const string File = "profiles/gate.yaml";

    private static GateSection Read(string yaml)
    {
        var doc = YamlDocument.Parse(File, yaml);
        var gate = GateSection.Read(doc.Root.Map("gate"));
        doc.ThrowIfErrors();
        return gate;
    }

    [Fact]
    public void Host_limits_are_read_apart_from_the_mcu_limits()
    {
        var g = Read("gate:\n  cycles_increase_percent: 5\n  energy_increase_percent: 6\n  host_cycles_increase_percent: 70\n  host_energy_increase_percent: 80\n");
        Assert.Equal(5, g.CyclesIncreasePercent);
        Assert.Equal(6, g.EnergyIncreasePercent);
        Assert.Equal(70, g.HostCyclesIncreasePercent);
        Assert.Equal(80, g.HostEnergyIncreasePercent);
    }

    [Fact]
    public void Absent_host_limits_take_the_documented_defaults()
    {
        var g = Read("gate:\n  cycles_increase_percent: 5\n");
        Assert.Equal(GateSection.DefaultHostCyclesIncreasePercent, g.HostCyclesIncreasePercent);
        Assert.Equal(GateSection.DefaultHostEnergyIncreasePercent, g.HostEnergyIncreasePercent);
        Assert.True(g.HostCyclesIncreasePercent > g.CyclesIncreasePercent);
    }

    [Fact]
    public void A_negative_host_limit_is_refused_with_file_line_and_field()
    {
        var e = Assert.Throws<ConfigException>(() => Read("gate:\n  cycles_increase_percent: 5\n  host_cycles_increase_percent: -1\n"));
        var error = Assert.Single(e.Errors);
        Assert.Equal("gate.host_cycles_increase_percent", error.Field);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Model_mismatches_are_read_apart_from_feature_mismatches_default_none_and_refuse_a_negative_count()
    {
        var g = Read("gate:\n  feature_mismatches: 2\n  model_mismatches: 7\n");
        Assert.Equal((2L, 7L), (g.FeatureMismatches, g.ModelMismatches));
        Assert.Equal(0, Read("gate:\n  feature_mismatches: 2\n").ModelMismatches);
        var e = Assert.Throws<ConfigException>(() => Read("gate:\n  model_mismatches: -1\n"));
        Assert.Equal("gate.model_mismatches", Assert.Single(e.Errors).Field);
    }

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Every_shipped_profile_gates_host_timing_wider_than_mcu_cycles(string profile)
    {
        var g = ProfileCatalog.Load(profile).Gate;
        Assert.True(g.HostCyclesIncreasePercent > g.CyclesIncreasePercent, $"{profile}: host {g.HostCyclesIncreasePercent} % vs mcu {g.CyclesIncreasePercent} %");
        Assert.True(g.HostEnergyIncreasePercent > g.EnergyIncreasePercent);
    }
}
