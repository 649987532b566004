using Rig.Core;
using Rig.Core.Config;
using Rig.Core.Profiles;

namespace Rig.Core.Tests.Profiles;

/// <summary>serial.timeouts: read when given, defaulted when absent, refused with file, line and field when wrong.</summary>
public class SerialTimeoutsTests
{
    private const string File = "profiles/serial.yaml";

    private static SerialSection Read(string yaml)
    {
        var doc = YamlDocument.Parse(File, yaml);
        var serial = SerialSection.Read(doc.Root.Map("serial"));
        doc.ThrowIfErrors();
        return serial;
    }

    [Fact]
    public void Timeouts_are_read_in_seconds()
    {
        var s = Read("serial:\n  baud: 460800\n  rx_buffer_bytes: 160\n  timeouts:\n    hello_seconds: 0.5\n    silence_seconds: 1.5\n    request_seconds: 30\n");
        Assert.Equal(new SerialTimeouts(0.5, 1.5, 30), s.Timeouts);
    }

    [Fact]
    public void Absent_timeouts_take_the_defaults_and_a_partial_block_keeps_the_rest()
    {
        Assert.Equal(new SerialTimeouts(), Read("serial:\n  baud: 460800\n  rx_buffer_bytes: 160\n").Timeouts);
        Assert.Equal(new SerialTimeouts() with { HelloSeconds = 4 }, Read("serial:\n  baud: 460800\n  rx_buffer_bytes: 160\n  timeouts:\n    hello_seconds: 4\n").Timeouts);
    }

    [Theory]
    [InlineData("    hello_seconds: 0\n", "serial.timeouts.hello_seconds", "out of range")]
    [InlineData("    silence_seconds: abc\n", "serial.timeouts.silence_seconds", "not a number")]
    [InlineData("    request_seconds: 1\n", "serial.timeouts.request_seconds", "shorter than silence_seconds (3)")]
    [InlineData("    hello: 2\n", "serial.timeouts.hello", "unknown field")]
    public void Wrong_timeouts_are_refused_naming_the_field_and_the_reason(string line, string field, string reason)
    {
        var e = Assert.Throws<ConfigException>(() => Read("serial:\n  baud: 460800\n  rx_buffer_bytes: 160\n  timeouts:\n" + line));
        var error = Assert.Single(e.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason);
        Assert.Contains(File, e.Message);
    }

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Shipped_profiles_state_their_timeouts_and_they_load(string profile)
    {
        Assert.Contains("  timeouts:\n", System.IO.File.ReadAllText(Path.Combine(RepoPaths.Profiles, profile + ".yaml")));
        var t = ProfileCatalog.Load(profile).Serial.Timeouts;
        Assert.True(t.RequestSeconds >= t.SilenceSeconds, t.ToString());
    }
}
