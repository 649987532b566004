using System.Text.RegularExpressions;
using Rig.Audio.Playlists;
using Rig.Audio.Tests.Support;
using Rig.Audio.Wav;
using Rig.Core.Config;

namespace Rig.Audio.Tests.Playlists;

/// <summary>Clip lengths, names and odd fields: every refusal names file, line, field and reason, once.</summary>
public class PlaylistLimitTests
{
    private static IReadOnlyList<ConfigError> Errors(TempDir dir, string yaml)
    {
        var path = dir.Write("list.yaml", yaml);
        return Assert.Throws<ConfigException>(() => Playlist.Load(path)).Errors;
    }

    // A long file costs little: 8-bit mono at the lowest rate, its data left sparse.
    private static void LongWav(string path, double seconds)
    {
        WavWriter.WriteMono(path, new float[1], WavLimits.MinSampleRate, WavEncoding.Pcm8);
        var frames = (long)(seconds * WavLimits.MinSampleRate);
        using var f = new FileStream(path, FileMode.Open);
        f.SetLength(44 + frames);
        f.Position = 40;
        f.Write(BitConverter.GetBytes((uint)frames));
    }

    [Fact]
    public void A_file_clip_without_duration_is_held_to_the_600_s_limit()
    {
        using var dir = new TempDir();
        LongWav(dir.Sub("long.wav"), 601);
        var e = Assert.Single(Errors(dir, "items:\n  - {label: jazz, file: long.wav}\n"));
        Assert.Equal(("items[0].file", 2), (e.Field, e.Line));
        Assert.Contains("601 s, over the 600 s limit", e.Reason);
    }

    [Fact]
    public void A_trim_longer_than_600_s_is_refused_on_its_end()
    {
        using var dir = new TempDir();
        LongWav(dir.Sub("long.wav"), 700);
        var e = Assert.Single(Errors(dir, "items:\n  - {label: jazz, file: long.wav,\n     trim: {start: 10, end: 650}}\n"));
        Assert.Equal(("items[0].trim.end", 3), (e.Field, e.Line));
        Assert.Contains("is 640 s, over the 600 s limit", e.Reason);
        // 600 s from a longer file is fine.
        var ok = dir.Write("ok.yaml", "items:\n  - {label: jazz, file: long.wav, trim: {start: 50}, duration: 600}\n");
        Assert.Equal(600, Playlist.Load(ok).Items[0].DurationSeconds);
    }

    [Theory]
    [InlineData("{label: jazz, file: tiny.wav}", "items[0].file", "the clip is 0.0125 s, shorter than 0.128 s")]
    [InlineData("{label: jazz, file: one.wav, trim: {start: 0.5, end: 0.51}}", "items[0].trim.end", "the clip is 0.01 s, shorter than 0.128 s")]
    [InlineData("{label: jazz, file: one.wav, duration: 0.0001}", "items[0].duration", "duration 0.0001 s is shorter than 0.128 s")]
    [InlineData("{label: jazz, synth: jazz, duration: 0.05}", "items[0].duration", "duration 0.05 s is shorter than 0.128 s")]
    public void Clips_shorter_than_a_frame_are_refused(string item, string field, string reason)
    {
        using var dir = new TempDir();
        WavWriter.WriteMono(dir.Sub("tiny.wav"), new float[100], 8000);
        WavWriter.WriteMono(dir.Sub("one.wav"), new float[8000], 8000);
        var e = Assert.Single(Errors(dir, "items:\n  - " + item + "\n"));
        Assert.Equal(field, e.Field);
        Assert.Equal(2, e.Line);
        Assert.Contains(reason, e.Reason);
    }

    [Fact]
    public void A_name_that_repeat_gives_a_copy_cannot_be_used_again()
    {
        using var dir = new TempDir();
        var e = Assert.Single(Errors(dir, """
            items:
              - {name: a, label: jazz, synth: jazz, duration: 1, repeat: 2}
              - {name: 'a#2', label: jazz, synth: jazz, duration: 1}
            """));
        Assert.Equal(("items[1].name", 3), (e.Field, e.Line));
        Assert.Contains("duplicate name 'a#2' (also on line 2)", e.Reason);
        // The other order: the repeat's copies would clash with the earlier name.
        var f = Assert.Single(Errors(dir, """
            items:
              - {name: 'b#3', label: jazz, synth: jazz, duration: 1}
              - {name: b, label: jazz, synth: jazz, duration: 1, repeat: 3}
            """));
        Assert.Contains("duplicate name 'b#3' (also on line 2); repeat: 3 names its copies b, b#2", f.Reason);
    }

    [Fact]
    public void Made_up_names_never_clash_even_with_repeats()
    {
        using var dir = new TempDir();
        var path = dir.Write("list.yaml", """
            items:
              - {name: 'jazz_1#2', label: jazz, synth: jazz, seed: 1, duration: 1}
              - {label: jazz, synth: jazz, seed: 1, duration: 1, repeat: 2}
              - {label: jazz, synth: jazz, seed: 1, duration: 1, repeat: 3}
            """);
        var names = Playlist.Load(path).Items.Select(i => i.Name).ToList();
        Assert.Equal(6, names.Count);
        Assert.Equal("jazz_1#2", names[0]);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void Names_taken_from_file_names_follow_the_name_rule()
    {
        using var dir = new TempDir();
        WavWriter.WriteMono(dir.Sub("my song (1).wav"), new float[4000], 8000);
        Directory.CreateDirectory(dir.Sub("sub"));
        WavWriter.WriteMono(dir.Sub("sub/..wav"), new float[4000], 8000);
        var path = dir.Write("list.yaml", "items:\n  - {label: jazz, file: 'my song (1).wav'}\n  - {label: jazz, file: 'sub/..wav'}\n");
        var items = Playlist.Load(path).Items;
        Assert.Equal("my_song__1_", items[0].Name);
        Assert.Equal("clip", items[1].Name);
        Assert.All(items, i => Assert.Matches(new Regex("^[A-Za-z0-9_.#-]+$"), i.Name));
    }

    [Fact]
    public void An_unclosed_flow_mapping_names_the_line_it_opened_on()
    {
        using var dir = new TempDir();
        var e = Assert.Single(Errors(dir, "name: t\nitems:\n  - {label: jazz\n  - x: [\n"));
        // The error sits where the parser gave up; the reason points back to the opening brace.
        Assert.Equal(("(yaml)", 4), (e.Field, e.Line));
        Assert.Equal("bad YAML: the flow mapping '{' opened on line 3 is not closed: a '}' is missing", e.Reason);
        foreach (var broken in new[] { "items:\n  - [a, 'b]'\n  - x: {\n", "items: [\n  - {a: 1}\n  - x: {\n", "items:\n  - {a: [1, 2}\n" })
        {
            var other = Assert.Single(Errors(dir, broken));
            Assert.True(other.Line >= 2, other.ToString());
            Assert.DoesNotContain("Operation is not valid", other.Reason);
        }
    }

    [Fact]
    public void An_unreadable_duration_is_one_error_not_two()
    {
        using var dir = new TempDir();
        var e = Assert.Single(Errors(dir, "items:\n  - {label: jazz, synth: jazz, duration: abc}\n"));
        Assert.Equal("items[0].duration", e.Field);
        Assert.Equal("'abc' is not a number", e.Reason);
    }

    [Theory]
    [InlineData("''", "is empty; give the path of a .wav or .au file")]
    [InlineData("'   '", "is empty; give the path of a .wav or .au file")]
    [InlineData("sub", "is a folder, not an audio file")]
    public void An_empty_or_folder_file_field_says_so(string file, string reason)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Sub("sub"));
        var e = Assert.Single(Errors(dir, $"items:\n  - {{label: jazz, file: {file}}}\n"));
        Assert.Equal(("items[0].file", 2), (e.Field, e.Line));
        Assert.Contains(reason, e.Reason);
        Assert.DoesNotContain("not found", e.Reason);
    }
}
