using Rig.Core.Config;
using Rig.Core.Profiles;

namespace Rig.Core.Tests.Profiles;

public sealed class GateSectionTests
{
    private const string File = "profiles/gate.yaml";

    private static string Good() => System.IO.File.ReadAllText(Path.Combine(RepoPaths.Profiles, "py32f003.yaml"));

    [Fact]
    public void Host_timing_limit_is_read_and_defaults_when_absent()
    {
        var yaml = Good();
        Assert.Contains("host_timing_increase_percent: 100", yaml);
        Assert.Equal(150, BoardProfile.Parse(File, yaml.Replace("host_timing_increase_percent: 100", "host_timing_increase_percent: 150")).Gate.HostTimingIncreasePercent);
        var without = BoardProfile.Parse(File, yaml.Replace("  host_timing_increase_percent: 100\n", ""));
        Assert.Equal(GateSection.DefaultHostTimingIncreasePercent, without.Gate.HostTimingIncreasePercent);
    }

    [Fact]
    public void A_negative_host_timing_limit_is_refused_with_its_field()
    {
        var e = Assert.Throws<ConfigException>(() => BoardProfile.Parse(File, Good().Replace("host_timing_increase_percent: 100", "host_timing_increase_percent: -5")));
        Assert.Contains(e.Errors, x => x.Field.EndsWith("host_timing_increase_percent", StringComparison.Ordinal) && x.Line > 0);
    }
}
