using System.CommandLine;
using Rig.Audio.Importers;
using Rig.Audio.Playlists;
using Rig.Audio.Wav;
using Rig.Core.Profiles;
using Rig.Hardware.Audio;
using Rig.Plots;
using Rig.Runs.Parts;
using Spectre.Console;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig sounds render|play|import`: write a playlist's clips as WAV + spectrogram PNG, play them on
/// an ALSA device, or write a playlist from an ESC-50, UrbanSound8K or GTZAN tree.
/// Exit 0 done, 2 bad input (options out of range, playlist errors, unreadable audio files, an
/// import that yields no clip, an output path that cannot be written, an ALSA device that cannot be opened).
/// </summary>
public static class SoundsCommand
{
    public static Command Create()
    {
        var command = new Command("sounds", "Render, play or import the rig's sounds");
        command.Subcommands.Add(Render());
        command.Subcommands.Add(Play());
        command.Subcommands.Add(Import());
        return command;
    }

    private static Option<FileInfo> PlaylistOption() =>
        new("--playlist", "-l") { Description = "playlist YAML (e.g. playlists/reference.yaml)", Required = true };

    private static Command Render()
    {
        var playlist = PlaylistOption();
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "folder for <index>_<name>.wav and .png", Required = true };
        var rate = new Option<int?>("--rate", "-r") { Description = $"sample rate in Hz, 4000..{SoundsOptions.MaxRate} (default: the profile's, else 16000)", CustomParser = SoundsOptions.WholeNumber };
        var profile = new Option<string?>("--profile", "-p") { Description = "take the sample rate from this profile when --rate is not given (default: none, so 16000 Hz)" };
        var command = new Command("render", "Write every clip of a playlist as a WAV and a spectrogram PNG") { playlist, output, rate, profile };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var check = new SoundsOptions("render");
            var sampleRate = check.SampleRate(parse.GetValue(rate), parse.GetValue(profile), 16000);
            var dir = check.OutputFolder("--out", parse.GetValue(output)!.FullName);
            check.ThrowIfErrors();
            var list = Playlist.Load(parse.GetValue(playlist)!.FullName);
            SoundsOptions.Writing("render", "--out", dir, () => Directory.CreateDirectory(dir));
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"render {list.Name} at {sampleRate} Hz", maxValue: list.Items.Count);
                    foreach (var item in list.Items)
                    {
                        var samples = ClipRenderer.Render(item, sampleRate);
                        var stem = Path.Combine(dir, $"{item.Index:D3}_{item.Name}");
                        var png = SpectrogramPlot.Draw(samples, sampleRate, $"{item.Name} ({item.Label}, {item.Source.Describe()})");
                        SoundsOptions.Writing("render", "--out", stem + ".wav", () =>
                        {
                            WavWriter.WriteMono(stem + ".wav", samples, sampleRate);
                            File.WriteAllBytes(stem + ".png", png);
                        });
                        task.Increment(1);
                    }
                });
            Console.Out.WriteLine($"rendered {list.Items.Count} clips ({list.TotalSeconds:0.#} s) to {dir}");
            return 0;
        }));
        return command;
    }

    private static Command Play()
    {
        var playlist = PlaylistOption();
        var device = new Option<string?>("--device", "-d") { Description = "ALSA device name (default: the profile's acoustic.device, else 'default')" };
        var profile = new Option<string?>("--profile", "-p") { Description = "use this profile's acoustic.device when --device is not given (default: none, so ALSA 'default')" };
        var rate = new Option<int>("--rate", "-r") { Description = $"playback sample rate in Hz, 4000..{SoundsOptions.MaxRate}", DefaultValueFactory = _ => 48000, CustomParser = r => SoundsOptions.WholeNumber(r) ?? 0 };
        var command = new Command("play", "Play every clip of a playlist on an ALSA device") { playlist, device, profile, rate };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var check = new SoundsOptions("play");
            var sampleRate = check.SampleRate(parse.GetValue(rate), null, 48000);
            check.ThrowIfErrors();
            var list = Playlist.Load(parse.GetValue(playlist)!.FullName);
            var profileName = parse.GetValue(profile);
            var deviceName = parse.GetValue(device) ?? (profileName is null ? "default" : ProfileCatalog.Load(profileName).Acoustic.Device);
            try
            {
                using var alsa = RigParts.Speaker(deviceName, sampleRate);
                AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask($"play {list.Name} on {deviceName}", maxValue: list.TotalSeconds);
                        foreach (var item in list.Items)
                        {
                            task.Description = $"{item.Index + 1}/{list.Items.Count} {item.Name}";
                            alsa.Play(ClipRenderer.Render(item, sampleRate));
                            task.Increment(item.DurationSeconds);
                        }
                        alsa.Drain();
                    });
                Console.Out.WriteLine($"played {list.Items.Count} clips ({list.TotalSeconds:0.#} s) on {deviceName}" +
                    (alsa.Recoveries > 0 ? $", {alsa.Recoveries} underruns recovered" : ""));
                return 0;
            }
            catch (Exception e) when (e is AlsaException or TimeoutException)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return CliErrors.BadInput;
            }
        }));
        return command;
    }

    private static Command Import()
    {
        var dataset = new Argument<string>("dataset") { Description = "esc50, urbansound8k or gtzan" };
        dataset.AcceptOnlyFromAmong("esc50", "urbansound8k", "gtzan");
        var root = new Argument<DirectoryInfo>("root") { Description = "the dataset's top folder (holding meta/, metadata/, genres/ or Data/genres_original/)" };
        var output = new Option<FileInfo>("--out", "-o") { Description = "playlist YAML to write", Required = true };
        var maxSeconds = new Option<double>("--max-seconds") { Description = "cut clips to their first N seconds, 0.128..600", DefaultValueFactory = _ => 4, CustomParser = SoundsOptions.Number };
        var maxPerLabel = new Option<int?>("--max-per-label") { Description = "at most N clips per rig label, N >= 1 (default: all of them)", CustomParser = SoundsOptions.WholeNumber };
        var command = new Command("import", "Write a playlist from a real dataset, mapping its classes onto the rig's labels") { dataset, root, output, maxSeconds, maxPerLabel };
        command.SetAction(parse => CliErrors.Run(parse, () =>
        {
            var check = new SoundsOptions("import");
            var options = check.Import(parse.GetValue(maxSeconds), parse.GetValue(maxPerLabel));
            var rootDir = check.ExistingFolder("root", parse.GetValue(root)!.FullName);
            var outPath = check.OutputFile("--out", parse.GetValue(output)!.FullName);
            check.ThrowIfErrors();
            ImportResult result;
            try
            {
                result = parse.GetValue(dataset) switch
                {
                    "esc50" => Esc50Importer.Import(rootDir, outPath, options),
                    "urbansound8k" => UrbanSound8KImporter.Import(rootDir, outPath, options),
                    _ => GtzanImporter.Import(rootDir, outPath, options),
                };
            }
            catch (DirectoryNotFoundException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return CliErrors.BadInput;
            }
            foreach (var problem in result.Problems) Console.Error.WriteLine("warning: " + problem);
            if (result.Skipped > 0)
                Console.Out.WriteLine($"skipped {result.Skipped} clips of classes with no rig label: {string.Join(", ", result.SkippedByClass.Select(p => $"{p.Key} {p.Value}"))}");
            if (result.OverLimit > 0)
                Console.Out.WriteLine($"left out {result.OverLimit} clips over --max-per-label {options.MaxPerLabel}: {string.Join(", ", result.OverLimitByLabel.Select(p => $"{p.Key} {p.Value}"))}");
            if (result.PlaylistPath is null)
            {
                Console.Error.WriteLine($"error: no clip imported from {rootDir} ({result.Problems.Count} files could not be used, "
                    + $"{result.Skipped} of classes with no rig label); nothing written to {outPath}");
                return CliErrors.BadInput;
            }
            Console.Out.WriteLine($"wrote {result.PlaylistPath}: {result.Imported} clips ({string.Join(", ", result.ImportedByLabel.Select(p => $"{p.Key} {p.Value}"))})");
            return 0;
        }));
        return command;
    }
}
