using System.Text.RegularExpressions;
using Rig.Core.Config;
using Rig.Core.Profiles;

namespace Rig.Core.Tests.Profiles;

/// <summary>
/// A profile states its serial, classifier and gate sections (no silent 115200-baud defaults), and its name is an
/// identifier that file systems, cmake targets and run ids can carry: nothing a shell could run.
/// </summary>
public class ProfileSectionsAndNameTests
{
    private const string File = "profiles/broken.yaml";

    private static string Good() => System.IO.File.ReadAllText(Path.Combine(RepoPaths.Profiles, "py32f003.yaml"));

    /// <summary>The profile without the top-level section <paramref name="section"/> (its key and indented lines).</summary>
    private static string Without(string yaml, string section) =>
        Regex.Replace(yaml, $@"(?m)^{section}:.*\n(?:[ #].*\n|\n)*", "");

    [Theory]
    [InlineData("serial")]
    [InlineData("classifier")]
    [InlineData("gate")]
    public void A_missing_required_section_is_an_error_naming_the_file_and_the_section(string section)
    {
        var yaml = Without(Good(), section);
        Assert.DoesNotContain($"\n{section}:", yaml);
        var e = Assert.Throws<ConfigException>(() => BoardProfile.Parse(File, yaml));
        var error = Assert.Single(e.Errors, x => x.Field == section);
        Assert.Equal(File, error.File);
        Assert.Contains("missing section", error.Reason);
    }

    [Theory]
    [InlineData("baud")]
    [InlineData("rx_buffer_bytes")]
    public void A_serial_section_without_its_baud_or_ring_size_is_an_error_not_a_default(string key)
    {
        var yaml = Regex.Replace(Good(), $@"(?m)^  {key}:.*\n", "");
        Assert.DoesNotContain($"  {key}:", yaml);
        var e = Assert.Throws<ConfigException>(() => BoardProfile.Parse(File, yaml));
        Assert.Single(e.Errors, x => x.Field == $"serial.{key}");
    }

    [Theory]
    [InlineData("x$(touch /tmp/rig-owned)")]
    [InlineData("a;rm -rf ~")]
    [InlineData("py32f003 --target all")]
    [InlineData("../../etc")]
    [InlineData("Py32")]
    [InlineData("-rf")]
    [InlineData("a'b")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void A_profile_name_that_is_not_an_identifier_is_refused(string name)
    {
        var yaml = Good().Replace("name: py32f003", "name: \"" + name.Replace("\"", "\\\"") + "\"", StringComparison.Ordinal);
        var e = Assert.Throws<ConfigException>(() => BoardProfile.Parse(File, yaml));
        var error = Assert.Single(e.Errors, x => x.Field == "name");
        Assert.Contains("a-z, 0-9", error.Reason);
        Assert.False(ProfileName.IsValid(name));
    }

    [Fact]
    public void A_name_with_a_trailing_newline_is_refused_too() => Assert.False(ProfileName.IsValid("py32f003\n"));

    [Fact]
    public void Every_committed_profile_has_a_valid_name() =>
        Assert.All(ProfileCatalog.Names(), n => Assert.True(ProfileName.IsValid(ProfileCatalog.Load(n).Name), n));
}
