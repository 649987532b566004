using System.CommandLine;
using System.Globalization;
using Rig.Audio.Playlists;
using Rig.Model.Training.Playlists;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig playlist mixed --out f [...]`: writes a playlist of seeded synth clips of every label under
/// interferers at random SNRs in random rooms (<see cref="MixedPlaylistGenerator"/>), the way
/// playlists/hard-train.yaml and hard-val.yaml were made, so anyone can regenerate them or make more.
/// The file is loaded back before the command succeeds. Exit 0 written, 2 bad options or an unwritable file.
/// </summary>
public static class PlaylistCommand
{
    public static Command Create()
    {
        var command = new Command("playlist", "Generate playlists");
        command.Subcommands.Add(Mixed());
        return command;
    }

    private static Command Mixed()
    {
        var d = new MixedPlaylistSpec();
        var output = new Option<string>("--out", "-o") { Description = "playlist file to write", Required = true };
        var name = new Option<string>("--name") { Description = "the playlist's name, also in every item's name", DefaultValueFactory = _ => d.Name };
        var perLabel = new Option<int>("--per-label") { Description = "clips per label", DefaultValueFactory = _ => d.PerLabel };
        var firstSeed = new Option<ulong>("--first-seed") { Description = "seed of each label's first clip (then +1, +2, ...)", DefaultValueFactory = _ => d.FirstSeed };
        var interfererSeed = new Option<ulong>("--interferer-seed") { Description = "first interferer seed (item k uses this + 10k, + 10k + 1)", DefaultValueFactory = _ => d.FirstInterfererSeed };
        var seed = new Option<ulong>("--seed") { Description = "seed of the choices (durations, interferers, SNRs, rooms)", DefaultValueFactory = _ => d.Seed };
        var clean = new Option<double>("--clean-share") { Description = "share of clips without interferer, 0..1", DefaultValueFactory = _ => d.CleanShare };
        var second = new Option<double>("--second-share") { Description = "share of mixed clips with a second (background) interferer, 0..1", DefaultValueFactory = _ => d.SecondInterfererShare };
        var snrMin = new Option<double>("--snr-min") { Description = "lowest SNR in dB (the labelled sound's RMS over the interferer's)", DefaultValueFactory = _ => d.SnrMinDb };
        var snrMax = new Option<double>("--snr-max") { Description = "highest SNR in dB", DefaultValueFactory = _ => d.SnrMaxDb };
        var reverbShare = new Option<double>("--reverb-share") { Description = "share of clips heard in a room, 0..1", DefaultValueFactory = _ => d.ReverbShare };
        var rt60Min = new Option<double>("--rt60-min") { Description = "shortest room RT60 in s", DefaultValueFactory = _ => d.Rt60MinSeconds };
        var rt60Max = new Option<double>("--rt60-max") { Description = "longest room RT60 in s", DefaultValueFactory = _ => d.Rt60MaxSeconds };
        var wetMax = new Option<double>("--wet-max") { Description = "largest reverberant share, 0..1", DefaultValueFactory = _ => d.WetMax };
        var durations = new Option<string>("--durations") { Description = "clip durations in s to pick from, comma-separated", DefaultValueFactory = _ => string.Join(',', d.DurationsSeconds.Select(v => v.ToString(CultureInfo.InvariantCulture))) };
        var command = new Command("mixed", "Write a playlist of every label's synth sounds under other sounds at random SNRs in random rooms")
        {
            output, name, perLabel, firstSeed, interfererSeed, seed, clean, second, snrMin, snrMax, reverbShare, rt60Min, rt60Max, wetMax, durations,
        };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var spec = new MixedPlaylistSpec
            {
                Name = parse.GetValue(name)!, PerLabel = parse.GetValue(perLabel), FirstSeed = parse.GetValue(firstSeed),
                FirstInterfererSeed = parse.GetValue(interfererSeed), Seed = parse.GetValue(seed), CleanShare = parse.GetValue(clean),
                SecondInterfererShare = parse.GetValue(second), SnrMinDb = parse.GetValue(snrMin), SnrMaxDb = parse.GetValue(snrMax),
                ReverbShare = parse.GetValue(reverbShare), Rt60MinSeconds = parse.GetValue(rt60Min), Rt60MaxSeconds = parse.GetValue(rt60Max),
                WetMax = parse.GetValue(wetMax), DurationsSeconds = Durations(parse.GetValue(durations)!),
            };
            var problems = spec.Problems();
            if (problems.Count > 0) throw new InvalidDataException("rig playlist mixed: --" + string.Join("; --", problems));
            var path = parse.GetValue(output)!;
            var items = MixedPlaylistGenerator.Items(spec);
            File.WriteAllText(path, SynthPlaylistYaml.Write(spec.Name, Header(spec, parse.Tokens.Select(t => t.Value)), items));
            var loaded = Playlist.Load(path);
            Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "wrote {0}: {1} clips, {2:0.#} s", path, loaded.Items.Count, loaded.TotalSeconds));
            return 0;
        }));
        return command;
    }

    private static double[] Durations(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries).Select(s =>
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new InvalidDataException($"rig playlist mixed: --durations: '{s}' is not a number of seconds")).ToArray();

    private static IEnumerable<string> Header(MixedPlaylistSpec s, IEnumerable<string> tokens)
    {
        var inv = CultureInfo.InvariantCulture;
        yield return string.Format(inv, "Written by `rig playlist mixed {0}`.", string.Join(' ', tokens.Skip(1)));
        yield return string.Format(inv, "{0} clips per label, seeds {1}-{2}; {3:0.##} of them clean, the rest under other sounds at {4} to {5} dB SNR,",
            s.PerLabel, s.FirstSeed, s.FirstSeed + (ulong)s.PerLabel - 1, s.CleanShare, s.SnrMinDb, s.SnrMaxDb);
        yield return string.Format(inv, "interferer seeds from {0}; {1:0.##} in a room (RT60 {2}-{3} s, wet up to {4}). Regenerate with the command above.",
            s.FirstInterfererSeed, s.ReverbShare, s.Rt60MinSeconds, s.Rt60MaxSeconds, s.WetMax);
    }
}
