using Rig.Core.Config;
using Rig.Core.Profiles;

namespace Rig.Core.Tests.Profiles;

/// <summary>The power: section's energy limits and regulator: read, defaulted, refused on their line.</summary>
public class PowerSectionTests
{
    private const string File = "profiles/power.yaml";

    private static PowerSection Read(string extra)
    {
        var doc = YamlDocument.Parse(File, "power:\n  run_ua_per_mhz: 50\n  sleep_ua: 2\n" + extra);
        var power = PowerSection.Read(doc.Root.Map("power"));
        doc.ThrowIfErrors();
        return power;
    }

    [Fact]
    public void The_window_limit_is_the_shorter_of_the_profiles_longest_window_and_the_boards_watchdog()
    {
        Assert.Equal(2.0, Read("").WindowLimitSeconds);
        Assert.Null(Read("").WatchdogMs);
        Assert.Equal(0.5, Read("  max_window_s: 0.5\n").WindowLimitSeconds);
        Assert.Equal(0.25, Read("  max_window_s: 0.5\n  watchdog_ms: 250\n").WindowLimitSeconds);
        Assert.Equal(0.5, Read("  max_window_s: 0.5\n  watchdog_ms: 4000\n").WindowLimitSeconds);
    }

    [Theory]
    [InlineData("  regulator: buck\n", "power.regulator", 4)]
    [InlineData("  max_window_s: 0\n", "power.max_window_s", 4)]
    [InlineData("  watchdog_ms: -3\n", "power.watchdog_ms", 4)]
    public void A_bad_energy_field_is_refused_with_file_line_and_field(string yaml, string field, int line)
    {
        var e = Assert.Throws<ConfigException>(() => Read(yaml));
        var error = Assert.Single(e.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void The_nrf52840_profile_models_the_dcdc_regulator_its_port_enables()
    {
        var p = ProfileCatalog.Load("nrf52840");
        Assert.Equal("dcdc", p.Power.Regulator);
        var port = System.IO.File.ReadAllText(Path.Combine(RepoPaths.Firmware, "boards", "nrf52840", "board.c"));
        Assert.Contains("REG32(POWER_DCDCEN) = POWER_DCDCEN_ENABLE;", port);
    }
}
