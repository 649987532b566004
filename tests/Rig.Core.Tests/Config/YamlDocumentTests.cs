using Rig.Core.Config;

namespace Rig.Core.Tests.Config;

public sealed class YamlDocumentTests
{
    [Theory]
    [InlineData("a: 1\na: 2\n", 2, "Duplicate key")]
    [InlineData("a: 'unterminated\n", 1, "quoted scalar")]
    [InlineData("items:\n  - x\n  y: 1\n", 3, "bad YAML")]
    public void Malformed_yaml_names_the_file_and_line(string text, int line, string reason)
    {
        var e = Assert.Throws<ConfigException>(() => YamlDocument.Parse("playlists/bad.yaml", text));
        var error = Assert.Single(e.Errors);
        Assert.Equal("playlists/bad.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Yaml_the_representation_model_rejects_without_a_position_still_names_the_file()
    {
        // An empty verbatim tag: YamlDotNet throws ArgumentException rather than a YamlException.
        var e = Assert.Throws<ConfigException>(() => YamlDocument.Parse("profiles/odd.yaml", "name: !<> x\n"));
        var error = Assert.Single(e.Errors);
        Assert.Equal("profiles/odd.yaml", error.File);
        Assert.Contains("bad YAML", error.Reason);
        Assert.Contains("profiles/odd.yaml", e.Message);
    }
}
