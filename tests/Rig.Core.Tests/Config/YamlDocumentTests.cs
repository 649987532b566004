using Rig.Core.Config;

namespace Rig.Core.Tests.Config;

/// <summary>Malformed YAML is a ConfigException naming file and line, whatever YamlDotNet throws for it.</summary>
public class YamlDocumentTests
{
    private const string File = "playlists/broken.yaml";

    private static ConfigError Refused(string yaml)
    {
        var e = Assert.Throws<ConfigException>(() => YamlDocument.Parse(File, yaml));
        var error = Assert.Single(e.Errors);
        Assert.Equal(File, error.File);
        Assert.Equal("(yaml)", error.Field);
        Assert.Contains($"{File}:{error.Line}: (yaml): bad YAML: ", e.Message);
        return error;
    }

    [Theory]
    // YamlDotNet 18 throws InvalidOperationException for these (checked against the library, not assumed).
    [InlineData("# playlist\n...\n[\n", 3)]          // content after an explicit document end
    [InlineData("name: x\n: [\nk1\n", 3)]            // a flow sequence that never closes, after an empty key
    // ... and ArgumentException for these.
    [InlineData("name: x\nitems: !<> 1\n", 2)]       // empty verbatim tag
    [InlineData("name: x\nitems: !![\n", 2)]         // a global tag that is no URI
    public void Errors_yamldotnet_throws_without_a_position_still_name_file_and_line(string yaml, int line) =>
        Assert.Equal(line, Refused(yaml).Line);

    [Fact]
    public void Those_inputs_really_reach_the_library_failures_this_guards()
    {
        Assert.Throws<InvalidOperationException>(() => new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader("# playlist\n...\n[\n")));
        Assert.Throws<InvalidOperationException>(() => new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader("name: x\n: [\nk1\n")));
        Assert.ThrowsAny<ArgumentException>(() => new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader("name: x\nitems: !<> 1\n")));
    }

    [Fact]
    public void Duplicate_keys_and_unknown_aliases_name_their_line()
    {
        Assert.Equal(3, Refused("name: x\nseed: 1\nseed: 2\n").Line);
        Assert.Equal(2, Refused("name: x\nseed: *nowhere\n").Line);
        Assert.Contains("alias *nowhere refers to no anchor", Assert.Throws<ConfigException>(() => YamlDocument.Parse(File, "a: 1\nseed: *nowhere\n")).Message);
        Assert.Equal(3, Refused("a: 1\nb: &later 2\nc: *other\n").Line);
    }

    [Fact]
    public void An_alias_as_a_mapping_key_is_refused_before_it_can_recurse()
    {
        // YamlDotNet resolves this key into a node that contains itself and overflows the stack.
        var error = Refused("a: &a [ *a ]\nb:\n  *a : 1\n");
        Assert.Equal(3, error.Line);
        Assert.Contains("alias (*a) cannot be a mapping key", Assert.Throws<ConfigException>(() => YamlDocument.Parse(File, "a: &a [ *a ]\nb:\n  *a : 1\n")).Message);
    }

    [Fact]
    public void Aliases_as_values_and_complex_keys_still_load()
    {
        var doc = YamlDocument.Parse(File, "base: &b 8000\nrate: *b\n? [x, y]\n: 1\nlist:\n  - {k: *b}\n");
        Assert.Empty(doc.Errors);
        Assert.Equal(8000, doc.Root.Int("rate"));
    }
}
