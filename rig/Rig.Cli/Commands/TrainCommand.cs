using System.CommandLine;
using System.Globalization;
using Rig.Audio.Playlists;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Model.Files;
using Rig.Model.Graph;
using Rig.Model.Quantized;
using Rig.Model.Training;
using Rig.Model.Training.Cnn;
using Rig.Model.Training.Export;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig train --playlist playlists/train.yaml --profile &lt;p&gt; [--arch mlp|ds-cnn] [--seed N] [--epochs N] [--out &lt;dir&gt;] [--eval playlists/reference.yaml]`
/// (ds-cnn also takes its architecture, <see cref="TrainArchitecture"/>):
/// trains the classifier on the golden frontend's features of the playlist (deterministic for a
/// seed), quantises it, reports float and quantised accuracy on the held-out playlist and writes it
/// (default: firmware/generated/&lt;profile&gt;/, the committed model). mlp: rig_model_weights.h +
/// rig_model.json (model.c's MLP) and the same MLP as an int8 graph; ds-cnn: the int8 DS-CNN graph.
/// Graphs go out as model_graph.json plus every format a writer exists for (<see cref="GraphFiles"/>).
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
        var arch = new Option<string>("--arch") { Description = "model: mlp (window statistics, every board) or ds-cnn (depthwise-separable CNN over the window)", DefaultValueFactory = _ => "mlp" };
        arch.AcceptOnlyFromAmong("mlp", "ds-cnn");
        var epochs = new Option<int?>("--epochs") { Description = "training epochs (default: the architecture's, 20 for mlp, 40 for ds-cnn)" };
        epochs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > 1000) r.AddError("--epochs must be between 1 and 1000");
        });
        // acoustic renders through the profile's acoustic: room (VirtualRoom, as `rig run --mode acoustic` does).
        var render = new Option<string>("--render") { Description = "training clips as the board gets them: inject (default), acoustic (through the profile's virtual room, a noise stream per clip) or both (each clip once each way)", DefaultValueFactory = _ => "inject" };
        var evalRender = new Option<string>("--eval-render") { Description = "held-out clips: inject (default) or acoustic (what one board hears in `rig run --mode acoustic`)", DefaultValueFactory = _ => "inject" };
        render.AcceptOnlyFromAmong([.. ClipRendering.Names]);
        evalRender.AcceptOnlyFromAmong("inject", "acoustic");
        var architecture = new TrainArchitecture();
        var command = new Command("train", "Train, quantise and write the on-device classifier for a profile") { playlist, profile, arch, seed, epochs, output, eval, render, evalRender };
        foreach (var o in architecture.All) command.Options.Add(o);
        command.SetAction(parse => CliErrors.Run(parse, () => Run(parse.GetValue(playlist)!, parse.GetValue(profile)!, parse.GetValue(arch)!, parse.GetValue(seed), parse.GetValue(epochs), parse.GetValue(output), parse.GetValue(eval),
            parse.GetValue(render)!, parse.GetValue(evalRender)!, options => architecture.Options(parse, options))));
        return command;
    }

    private static int Run(string playlistPath, string profileName, string arch, ulong seed, int? epochs, string? outDir, string? evalPath, string render, string evalRender,
        Func<DsCnnOptions, DsCnnOptions> dsCnnOptions)
    {
        var profile = ProfileCatalog.Load(profileName);
        var train = Playlist.Load(playlistPath);
        var eval = Playlist.Load(evalPath ?? Path.Combine(RepoPaths.Playlists, "reference.yaml"));
        var missing = Labels.All.Where((_, i) => train.Items.All(item => item.LabelIndex != i)).ToList();
        if (missing.Count > 0)
            Console.Error.WriteLine($"warning: {train.File}: no clips labelled {string.Join(", ", missing)}; the model will not recognise them");
        RoomRecording room = (played, listener) => new Rig.Simulation.Room.VirtualRoom(profile.Acoustic, profile.Frontend.SampleRate, listener).Capture(played);
        var trainClips = PlaylistFeatures.Compute(train, profile.Frontend, ClipRendering.Parse(render, room, ListenerSeat.PerClip));
        var evalClips = PlaylistFeatures.Compute(eval, profile.Frontend, ClipRendering.Parse(evalRender, room, ListenerSeat.RunBoard));
        var folder = outDir ?? RepoPaths.Generated(profile.Name);
        // The model's JSON records how its clips were rendered next to the playlists' names.
        var trainName = Relative(train.File) + (render == "inject" ? "" : $" (render {render})");
        var evalName = Relative(eval.File) + (evalRender == "inject" ? "" : " (acoustic)");
        return arch == "ds-cnn"
            ? RunDsCnn(profile, trainName, trainClips, evalName, evalClips, dsCnnOptions(new DsCnnOptions { Seed = seed, Epochs = epochs ?? new DsCnnOptions().Epochs }), folder)
            : RunMlp(profile, trainName, trainClips, evalName, evalClips, new TrainingOptions { Seed = seed, Epochs = epochs ?? new TrainingOptions().Epochs }, folder);
    }

    private static int RunDsCnn(BoardProfile profile, string trainName, IReadOnlyList<LabelledClip> train, string evalName, IReadOnlyList<LabelledClip> eval, DsCnnOptions options, string folder)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = GraphTraining.TrainDsCnn(profile, trainName, train, evalName, eval, options, line => Console.Out.WriteLine("           " + line));
        var seconds = clock.Elapsed.TotalSeconds;
        var inv = CultureInfo.InvariantCulture;
        var i = result.Info.Training;
        var graph = result.Graph;
        Console.Out.WriteLine($"model      {graph.Name}: input [{string.Join(", ", graph.Input.Shape)}], {graph.Operators.Count} int8 operators ({string.Join(", ", graph.Operators.Select(o => o.Kind))})");
        Console.Out.WriteLine(string.Format(inv, "training   {0} clips, {1} windows, seed {2}, {3} epochs, {4:F0} s", train.Count, i.TrainWindows, i.Seed, i.Epochs, seconds));
        WriteGraphOutcome(profile, result, folder);
        return 0;
    }

    private static void WriteGraphOutcome(BoardProfile profile, GraphTrainingResult result, string folder)
    {
        var inv = CultureInfo.InvariantCulture;
        var i = result.Info.Training;
        Console.Out.WriteLine(string.Format(inv, "accuracy   {0} ({1} clips, aggregation {2}), {3}: float {4:P1}, int8 {5:P1} (per window: float {6:P1}, int8 {7:P1}; int8 = the graph on the golden twin)",
            i.EvalPlaylist, i.EvalClips, profile.Classifier.Aggregation, result.Info.Arch, i.FloatAccuracy, i.QuantizedAccuracy, i.FloatWindowAccuracy, i.QuantizedWindowAccuracy));
        Console.Out.WriteLine($"confusion  rows = true label, columns = predicted ({string.Join(", ", Labels.All)})");
        for (var r = 0; r < Labels.All.Count; r++)
            Console.Out.WriteLine($"  {Labels.All[r],-10} {string.Join(" ", result.Confusion[r].Select(v => v.ToString(inv).PadLeft(4)))}");
        var prepared = PreparedGraph.From(result.Graph);
        var costs = LayerCost.Of(prepared);
        Console.Out.WriteLine($"cost       {costs.Sum(c => c.Macc)} MACC per inference, {costs.Sum(c => c.WeightBytes)} B weights (flash), arena {prepared.Arena.Bytes} B (model RAM budget {profile.Memory.ModelRamBudgetBytes} B)");
        foreach (var path in GraphFiles.Write(folder, result.Graph, result.Info, profile, deploy: result.Info.Arch == "ds-cnn")) Console.Out.WriteLine($"wrote      {path}");
    }

    private static int RunMlp(BoardProfile profile, string trainName, IReadOnlyList<LabelledClip> trainClips, string evalName, IReadOnlyList<LabelledClip> evalClips, TrainingOptions options, string folder)
    {
        var seed = options.Seed;
        var result = ProfileTraining.Train(profile, trainName, trainClips, evalName, evalClips, options);
        var description = result.Describe(trainName, evalName, options);
        var (header, json) = ModelFiles.Write(folder, description);
        var m = result.Model;
        var e = result.Evaluation;
        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine($"model      {m.Name}: {m.Features} stats -> {m.Hidden} ReLU -> {QuantizedModel.Classes} (int8 weights, int32 accumulators)");
        Console.Out.WriteLine($"training   {trainClips.Count} clips, {result.TrainWindows} windows, seed {seed}, {options.Epochs} epochs");
        Console.Out.WriteLine(string.Format(inv, "accuracy   {0} ({1} clips, {2} windows, aggregation {3}): float {4:P1}, quantised {5:P1} (per window: float {6:P1}, quantised {7:P1})",
            evalName, e.Clips, e.Windows, profile.Classifier.Aggregation, e.FloatAccuracy, e.QuantizedAccuracy, e.FloatWindowAccuracy, e.QuantizedWindowAccuracy));
        Console.Out.WriteLine($"cost       {m.Macs} MACs per inference, {m.ParameterBytes} B tables (flash), {m.RamBytes} B RAM (2 windows of {m.WindowBytes} B + {m.TraceBytes} B inference)");
        Console.Out.WriteLine($"confusion  rows = true label, columns = predicted ({string.Join(", ", Labels.All)})");
        for (var i = 0; i < Labels.All.Count; i++)
            Console.Out.WriteLine($"  {Labels.All[i],-10} {string.Join(" ", e.QuantizedConfusion[i].Select(v => v.ToString(inv).PadLeft(4)))}");
        Console.Out.WriteLine($"wrote      {header}");
        Console.Out.WriteLine($"wrote      {json}");
        WriteGraphOutcome(profile, GraphTraining.FromMlp(profile, result, trainName, trainClips, evalName, evalClips, options), folder);
        return 0;
    }

    private static string Relative(string path)
    {
        var full = Path.GetFullPath(path);
        var rel = Path.GetRelativePath(RepoPaths.Root, full);
        return rel.StartsWith("..", StringComparison.Ordinal) ? full : rel.Replace('\\', '/');
    }
}
