using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rig.Audio.Playlists;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Dsp.Tables;
using Rig.Model.Graph;
using Rig.Model.Tflite;
using Rig.Model.Tflite.Oracle;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig model import &lt;file.tflite&gt; --profile p [--out dir]`: reads a user's int8 .tflite, checks it against the
/// profile's frontend and the rig's kernels, prints its per-layer cost and arena, and writes the firmware's model
/// description into firmware/generated/&lt;p&gt;/.
/// `rig model verify &lt;file.tflite&gt; --profile p [--playlist f] [--json]`: runs the model in the golden twin and in
/// TFLite's own interpreter on the playlist's windows and counts differing int8 outputs, end to end and per layer.
/// Refusals (bad file, float model, unsupported op, wrong shape, oracle not installed) are exit 2; verify exits 1 when
/// an operator alone differs by more than 1 LSB, or at all where TFLite runs the reference arithmetic (pools, reshape), or
/// where a FULLY_CONNECTED or SOFTMAX difference is not TFLite's own optimised arithmetic (RuyFullyConnected, TableSoftmax).
/// </summary>
public static class ModelCommand
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("model", "Import a .tflite model for a profile, or verify it against TFLite's own interpreter");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Verify());
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file.tflite") { Description = "an int8 TFLite model (full-integer quantisation, int8 input and output)" };
        var profile = new Option<string>("--profile", "-p") { Description = $"board profile: {ProfileHelp.Choices}", Required = true };
        var output = new Option<string?>("--out") { Description = "output folder (default: firmware/generated/<profile>)" };
        var command = new Command("import", "Check a .tflite against a profile and write the firmware's model description") { file, profile, output };
        command.SetAction(parse => CliErrors.Run(parse, () => RunImport(parse.GetValue(file)!, parse.GetValue(profile)!, parse.GetValue(output))));
        return command;
    }

    private static Command Verify()
    {
        var file = new Argument<string>("file.tflite") { Description = "an int8 TFLite model" };
        var profile = new Option<string>("--profile", "-p") { Description = $"board profile: {ProfileHelp.Choices}", Required = true };
        var playlist = new Option<string?>("--playlist") { Description = "playlist whose windows are the inputs (default: playlists/reference.yaml)" };
        var json = new Option<bool>("--json") { Description = "print one JSON object (keys outputs, differing, maxAbsDifference, inputs, layers)" };
        var command = new Command("verify", "Run a .tflite in the golden twin and in TFLite's interpreter and compare the int8 outputs") { file, profile, playlist, json };
        command.SetAction(parse => CliErrors.Run(parse, () => RunVerify(parse.GetValue(file)!, parse.GetValue(profile)!, parse.GetValue(playlist), parse.GetValue(json))));
        return command;
    }

    /// <summary>Reads and checks the model: the reader's refusals, the profile's shapes, and the golden twin's own preparation.</summary>
    private static (ModelGraph Graph, PreparedGraph Prepared, byte[] Bytes, BoardProfile Profile) Load(string file, string profileName)
    {
        var profile = ProfileCatalog.Load(profileName);
        var bytes = File.Exists(file) ? File.ReadAllBytes(file) : throw new FileNotFoundException($"{file}: no such file", file);
        var graph = TfliteReader.Read(bytes, file);
        ProfileInputCheck.Check(graph, profile, file);
        try
        {
            return (graph, PreparedGraph.From(graph), bytes, profile);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new TfliteFormatException(file, -1, $"the golden twin cannot run it: {e.Message}");
        }
    }

    private static int RunImport(string file, string profileName, string? outDir)
    {
        var (graph, prepared, bytes, profile) = Load(file, profileName);
        var inv = CultureInfo.InvariantCulture;
        var costs = LayerCost.Of(prepared);
        Console.Out.WriteLine($"model      {graph.Name}: {graph.Operators.Count} operators, {graph.InputKind.ToString().ToLowerInvariant()} input [{string.Join(", ", graph.Input.Shape)}] -> [{string.Join(", ", graph.Output.Shape)}], fits profile {profile.Name}");
        Console.Out.WriteLine("  op  kind               MACC   weights B  activations B");
        foreach (var c in costs)
            Console.Out.WriteLine(string.Format(inv, "  {0,2}  {1,-16} {2,8} {3,11} {4,14}", c.OperatorIndex, c.Kind, c.Macc, c.WeightBytes, c.ActivationBytes));
        Console.Out.WriteLine(string.Format(inv, "  total                {0,8} {1,11}   arena {2} B", costs.Sum(c => c.Macc), costs.Sum(c => c.WeightBytes), prepared.Arena.Bytes));

        var dir = outDir ?? RepoPaths.Generated(profile.Name);
        Directory.CreateDirectory(dir);
        var model = Path.Combine(dir, "model.tflite");
        var written = GraphModelFiles.Write(dir, graph, profile.Classifier.WindowColumns, new FrontendTables(profile.Frontend).ConfigHash,
            profile.Name, profile.Memory.ModelRamBudgetBytes);
        File.WriteAllBytes(model, bytes);
        foreach (var path in new[] { model, written.GraphHeader, written.WeightsHeader, written.Costs })
            Console.Out.WriteLine($"wrote      {path}");
        return 0;
    }

    private static int RunVerify(string file, string profileName, string? playlistPath, bool asJson)
    {
        var (graph, _, bytes, profile) = Load(file, profileName);
        var oracle = TfliteOracle.Find(out var missing) ?? throw new FileNotFoundException(missing);
        var playlist = Playlist.Load(playlistPath ?? Path.Combine(RepoPaths.Playlists, "reference.yaml"));
        var inputs = PlaylistModelInputs.Of(graph, profile, playlist);
        if (inputs.Count == 0) throw new InvalidDataException($"{playlist.File}: no clip is long enough for one window of {profile.Classifier.WindowColumns} columns");
        OracleComparisonResult result;
        try
        {
            result = OracleComparison.Run(oracle, graph, bytes, inputs);
        }
        catch (OracleException e)
        {
            throw new InvalidDataException($"{file}: {e.Message}", e);
        }

        if (asJson)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                outputs = result.Outputs.Values,
                differing = result.Outputs.Differing,
                maxAbsDifference = result.Outputs.MaxAbsDifference,
                inputs = result.Inputs,
                layers = result.Layers.Select(l => new { op = l.OperatorIndex, kind = l.Kind.ToString(), values = l.Difference.Values, differing = l.Difference.Differing, maxAbsDifference = l.Difference.MaxAbsDifference, explained = l.Explained }),
            }, s_json));
        }
        else
        {
            Console.Out.WriteLine($"model      {file} on {Path.GetFileName(playlist.File)}: {result.Inputs} windows, golden twin vs TFLite's interpreter ({TfliteOracle.Package})");
            Console.Out.WriteLine($"outputs    {result.Outputs.Differing} of {result.Outputs.Values} int8 values differ (max |difference| {result.Outputs.MaxAbsDifference})");
            foreach (var l in result.Layers)
                Console.Out.WriteLine($"  op {l.OperatorIndex,2} {l.Kind,-16} alone: {l.Difference.Differing} of {l.Difference.Values} differ (max {l.Difference.MaxAbsDifference})" +
                                      (l.Explained is { } e ? $", {e} reproduced exactly by TFLite's own {(l.Kind == OperatorKind.Softmax ? "float-table softmax" : "ruy single rounding")}" : ""));
            if (result.Layers.Any(l => l.Difference.Differing > 0))
                Console.Out.WriteLine("note       1-LSB differences come from TFLite's optimised kernels, not the reference arithmetic the twin and TFLite Micro use: " +
                                      "CONV_2D/DEPTHWISE_CONV_2D run in XNNPACK (fp32 requantisation, round half to even); FULLY_CONNECTED at batch 1 goes through " +
                                      "cpu_backend_gemm to ruy (no GEMV outside NEON, int8 GEMM is ruy outside x86), whose multiplier rounds once, half up, " +
                                      "(x * M + 2^(30 - shift)) >> (31 - shift), where the reference rounds twice (at bit 31, then the shift half away from zero); " +
                                      "SOFTMAX runs TFLite's optimised kernel, exp from a float table and a float normaliser, where the reference works in fixed point");
        }
        var unexplained = result.Layers.Where(l => l.Difference.MaxAbsDifference > 1 || (l.Explained is { } e && e != l.Difference.Differing) ||
            (l.Difference.Differing > 0 && l.Kind is OperatorKind.MaxPool2D or OperatorKind.AveragePool2D or OperatorKind.Reshape)).ToList();
        foreach (var l in unexplained)
            Console.Error.WriteLine($"error: operator {l.OperatorIndex} ({l.Kind}) alone differs from TFLite in {l.Difference.Differing} values by up to {l.Difference.MaxAbsDifference}: beyond what TFLite's optimised kernels explain");
        return unexplained.Count == 0 ? 0 : 1;
    }
}
