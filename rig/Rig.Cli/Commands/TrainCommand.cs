using System.CommandLine;
using System.Globalization;
using Rig.Audio.Playlists;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Model.Files;
using Rig.Model.Quantized;
using Rig.Model.Training;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig train --playlist playlists/train.yaml --profile &lt;p&gt; [--seed N] [--out &lt;dir&gt;] [--eval playlists/reference.yaml]`:
/// trains the classifier on the golden frontend's features of the playlist (deterministic for a
/// seed), quantises it, reports float and quantised accuracy on the held-out playlist and writes
/// rig_model_weights.h + rig_model.json (default: firmware/generated/&lt;profile&gt;/, the committed model).
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var playlist = new Option<string>("--playlist") { Description = "training playlist (YAML)", Required = true };
        var profile = new Option<string>("--profile", "-p") { Description = $"board profile: {ProfileHelp.Choices}", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "training seed (same seed, same model)", DefaultValueFactory = _ => new TrainingOptions().Seed };
        var output = new Option<string?>("--out") { Description = "output folder (default: firmware/generated/<profile>)" };
        var eval = new Option<string?>("--eval") { Description = "held-out playlist for accuracy (default: playlists/reference.yaml)" };
        var command = new Command("train", "Train, quantise and write the on-device classifier for a profile") { playlist, profile, seed, output, eval };
        command.SetAction(parse => CliErrors.Run(parse, () => Run(parse.GetValue(playlist)!, parse.GetValue(profile)!, parse.GetValue(seed), parse.GetValue(output), parse.GetValue(eval))));
        return command;
    }

    private static int Run(string playlistPath, string profileName, ulong seed, string? outDir, string? evalPath)
    {
        var profile = ProfileCatalog.Load(profileName);
        var train = Playlist.Load(playlistPath);
        var eval = Playlist.Load(evalPath ?? Path.Combine(RepoPaths.Playlists, "reference.yaml"));
        var options = new TrainingOptions { Seed = seed };
        var result = ProfileTraining.Train(profile, train, eval, options);
        var missing = Labels.All.Where((_, i) => train.Items.All(item => item.LabelIndex != i)).ToList();
        if (missing.Count > 0)
            Console.Error.WriteLine($"warning: {train.File}: no clips labelled {string.Join(", ", missing)}; the model will not recognise them");

        var description = result.Describe(Relative(train.File), Relative(eval.File), options);
        var (header, json) = ModelFiles.Write(outDir ?? RepoPaths.Generated(profile.Name), description);
        var m = result.Model;
        var e = result.Evaluation;
        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine($"model      {m.Name}: {m.Features} stats -> {m.Hidden} ReLU -> {QuantizedModel.Classes} (int8 weights, int32 accumulators)");
        Console.Out.WriteLine($"training   {train.Items.Count} clips, {result.TrainWindows} windows, seed {seed}, {options.Epochs} epochs");
        Console.Out.WriteLine(string.Format(inv, "accuracy   {0} ({1} clips, {2} windows, aggregation {3}): float {4:P1}, quantised {5:P1} (per window: float {6:P1}, quantised {7:P1})",
            Relative(eval.File), e.Clips, e.Windows, profile.Classifier.Aggregation, e.FloatAccuracy, e.QuantizedAccuracy, e.FloatWindowAccuracy, e.QuantizedWindowAccuracy));
        Console.Out.WriteLine($"cost       {m.Macs} MACs per inference, {m.ParameterBytes} B tables (flash), {m.RamBytes} B RAM (2 windows of {m.WindowBytes} B + {m.TraceBytes} B inference)");
        Console.Out.WriteLine($"confusion  rows = true label, columns = predicted ({string.Join(", ", Labels.All)})");
        for (var i = 0; i < Labels.All.Count; i++)
            Console.Out.WriteLine($"  {Labels.All[i],-10} {string.Join(" ", e.QuantizedConfusion[i].Select(v => v.ToString(inv).PadLeft(4)))}");
        Console.Out.WriteLine($"wrote      {header}");
        Console.Out.WriteLine($"wrote      {json}");
        return 0;
    }

    private static string Relative(string path)
    {
        var full = Path.GetFullPath(path);
        var rel = Path.GetRelativePath(RepoPaths.Root, full);
        return rel.StartsWith("..", StringComparison.Ordinal) ? full : rel.Replace('\\', '/');
    }
}
