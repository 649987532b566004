using CsCheck;
using Rig.Audio.Playlists;
using Rig.Audio.Tests.Support;
using Rig.Audio.Wav;
using Rig.Core.Config;

namespace Rig.Audio.Tests.Playlists;

/// <summary>
/// A valid playlist with file and synth items, mutated at random (values swapped for odd numbers,
/// empty or huge strings, characters cut or inserted): loading either succeeds or refuses with a
/// ConfigException naming the file, never any other exception. The loaded playlist always holds
/// clips of a playable length with unique, file-name-safe names.
/// </summary>
public class PlaylistMutationTests
{
    private const string Valid = """
        name: mix
        items:
          - {name: a, label: jazz, file: tone.wav, trim: {start: 0.25, end: 1.5}, gain_db: -3}
          - {label: metal, file: tone.au, duration: 0.75, repeat: 2}
          - {label: disco, synth: disco, seed: 7, duration: 1.0}
          - {label: background, file: 'odd name.wav'}
        """;

    private static readonly string[] Odd =
        ["0", "-1", "1e308", "-1e308", "NaN", "Infinity", ".inf", "''", "abc", "0x10", "1e-9", "600.0001", "99999999999999999999", "[]", "{}", "~", "null", "'../'", "'/'", "tone.wav", "0.128", "0.127"];

    [Fact]
    public void Mutated_playlists_load_or_are_refused_with_a_config_error()
    {
        using var dir = new TempDir();
        WavWriter.WriteMono(dir.Sub("tone.wav"), Signals.Sine(440, 8000, 16000), 8000);
        WavWriter.WriteMono(dir.Sub("odd name.wav"), Signals.Sine(440, 8000, 8000), 8000, WavEncoding.Float32);
        AuBuilder.WriteTone(dir.Sub("tone.au"), 2.0, 8000);
        var tokens = Valid.Split([' ', ',', '{', '}', ':', '\n'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();
        var path = dir.Sub("list.yaml");
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, Valid.Length - 1], Gen.Int[0, Odd.Length - 1], Gen.Int[0, tokens.Length - 1], Gen.Int[1, 4])
            .Sample((kind, at, odd, token, cut) =>
            {
                var text = kind switch
                {
                    0 => Replace(Valid, tokens[token], Odd[odd]),
                    1 => Valid[..at] + Odd[odd] + Valid[at..],
                    2 => Valid.Remove(at, Math.Min(cut, Valid.Length - at)),
                    _ => Replace(Replace(Valid, tokens[token], Odd[odd]), tokens[(token + at) % tokens.Length], Odd[(odd + cut) % Odd.Length]),
                };
                File.WriteAllText(path, text);
                try
                {
                    var playlist = Playlist.Load(path);
                    Assert.All(playlist.Items, i => Assert.InRange(i.DurationSeconds, PlaylistLoader.MinClipSeconds, PlaylistLoader.MaxClipSeconds));
                    Assert.All(playlist.Items, i => Assert.Matches("^[A-Za-z0-9_.#-]+$", i.Name));
                    Assert.Equal(playlist.Items.Count, playlist.Items.Select(i => i.Name).Distinct().Count());
                }
                catch (ConfigException e)
                {
                    Assert.NotEmpty(e.Errors);
                    Assert.All(e.Errors, x => Assert.Equal(path, x.File));
                }
            }, iter: 1500, threads: 1);
    }

    private static string Replace(string text, string token, string with)
    {
        var i = text.IndexOf(token, StringComparison.Ordinal);
        return i < 0 ? text : text[..i] + with + text[(i + token.Length)..];
    }
}
