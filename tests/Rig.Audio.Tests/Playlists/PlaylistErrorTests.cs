using Rig.Audio.Playlists;
using Rig.Audio.Tests.Support;
using Rig.Audio.Wav;
using Rig.Core.Config;

namespace Rig.Audio.Tests.Playlists;

public class PlaylistErrorTests
{
    private static IReadOnlyList<ConfigError> Errors(TempDir dir, string yaml)
    {
        var path = dir.Write("list.yaml", yaml);
        return Assert.Throws<ConfigException>(() => Playlist.Load(path)).Errors;
    }

    [Fact]
    public void Every_missing_file_is_listed_at_once_with_its_line()
    {
        using var dir = new TempDir();
        var errors = Errors(dir, """
            items:
              - {label: dog_bark, file: a.wav}
              - {label: jazz, synth: jazz, seed: 1, duration: 1}
              - {label: metal, file: sub/b.wav}
            """);
        Assert.Equal(2, errors.Count);
        Assert.Equal(2, errors[0].Line);
        Assert.Equal("items[0].file", errors[0].Field);
        Assert.Equal($"file not found: {dir.Sub("a.wav")}", errors[0].Reason);
        Assert.Equal(4, errors[1].Line);
        Assert.Contains(dir.Sub("sub/b.wav"), errors[1].Reason);
        Assert.All(errors, e => Assert.EndsWith("list.yaml", e.File));
    }

    [Theory]
    [InlineData("- {label: cat, synth: jazz, seed: 1, duration: 1}", "items[0].label", "unknown label 'cat'")]
    [InlineData("- {label: jazz, synth: bebop, seed: 1, duration: 1}", "items[0].synth", "unknown sound 'bebop'")]
    [InlineData("- {label: jazz, synth: jazz, seed: 1, duration: -2}", "items[0].duration", "duration must be positive, got -2 s")]
    [InlineData("- {label: jazz, synth: jazz, seed: 1}", "items[0].duration", "synth items need a duration")]
    [InlineData("- {label: jazz, seed: 1, duration: 1}", "items[0]", "no source")]
    [InlineData("- {label: jazz, synth: jazz, file: x.wav, duration: 1}", "items[0]", "not both")]
    [InlineData("- {label: jazz, synth: jazz, duration: 1, gain_db: 90}", "items[0].gain_db", "out of range")]
    [InlineData("- {label: jazz, synth: jazz, duration: 1, repeat: 0}", "items[0].repeat", "out of range")]
    [InlineData("- {label: jazz, synth: jazz, duration: 1, volume: 3}", "items[0].volume", "unknown field")]
    [InlineData("- {label: jazz, synth: jazz, duration: 1, name: 'a/b'}", "items[0].name", "may only hold")]
    public void Bad_items_name_the_field_line_and_reason(string item, string field, string reason)
    {
        using var dir = new TempDir();
        var errors = Errors(dir, "name: t\nitems:\n  " + item + "\n");
        var e = Assert.Single(errors);
        Assert.Equal(field, e.Field);
        Assert.Equal(3, e.Line);
        Assert.Contains(reason, e.Reason);
    }

    [Fact]
    public void Bad_yaml_names_the_line()
    {
        using var dir = new TempDir();
        var e = Assert.Single(Errors(dir, "items:\n  - {label: jazz, synth: jazz\n"));
        Assert.Equal("(yaml)", e.Field);
        Assert.Equal(3, e.Line);
        // YamlDotNet throws InvalidOperationException for some unterminated flow nodes; still a clear error.
        var odd = Assert.Single(Errors(dir, "items:\n  - {label: jazz\n  - x: [\n"));
        Assert.Equal("(yaml)", odd.Field);
    }

    [Fact]
    public void A_missing_playlist_and_an_empty_one_are_refused()
    {
        Assert.Contains("file not found", Assert.Throws<ConfigException>(() => Playlist.Load("/nonexistent/x.yaml")).Message);
        using var dir = new TempDir();
        Assert.Contains("missing list", Assert.Single(Errors(dir, "name: x\n")).Reason);
        Assert.Contains("no items", Assert.Single(Errors(dir, "items: []\n")).Reason);
    }

    [Fact]
    public void Unreadable_wavs_and_trims_past_the_end_are_reported_with_the_rest()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.Sub("bad.wav"), "RIFF\0\0\0\0WAVEjunk"u8.ToArray());
        WavWriter.WriteMono(dir.Sub("short.wav"), new float[8000], 8000);
        var errors = Errors(dir, """
            items:
              - {label: dog_bark, file: bad.wav}
              - {label: dog_bark, file: short.wav, trim: {start: 0.5, end: 3}}
              - {label: dog_bark, file: short.wav, duration: 2}
              - {label: dog_bark, file: short.wav, trim: {start: 0.5, end: 0.2}}
              - {label: dog_bark, file: gone.wav}
            """);
        Assert.Equal(5, errors.Count);
        Assert.Contains("bad.wav: no fmt chunk", errors[0].Reason);
        Assert.Contains("runs past the end of the 1 s file", errors[1].Reason);
        Assert.Equal("items[1].trim.end", errors[1].Field);
        Assert.Equal("items[2].duration", errors[2].Field);
        Assert.Contains("is not after start", errors[3].Reason);
        Assert.Contains("file not found", errors[4].Reason);
    }

    [Fact]
    public void Duplicate_explicit_names_are_refused()
    {
        using var dir = new TempDir();
        var e = Assert.Single(Errors(dir, """
            items:
              - {name: a, label: jazz, synth: jazz, duration: 1}
              - {name: a, label: jazz, synth: jazz, seed: 2, duration: 1}
            """));
        Assert.Contains("duplicate name 'a' (also on line 2)", e.Reason);
        Assert.Equal(3, e.Line);
    }
}
