using Rig.Core.Profiles;
using Rig.Dsp.Tables;
using Rig.Model.Graph;
using Rig.Model.Tflite;

namespace Rig.Model.Training.Export;

/// <summary>
/// Writes a trained graph into a folder: model.tflite (TfliteWriter) and model_graph.json (readable, with the training
/// record); when <c>deploy</c>, first the firmware's model through <see cref="GraphModelFiles"/> (rig_model_graph.h, the
/// graph-mode rig_model_weights.h and the per-layer costs), as `rig model import` does. `--arch mlp` does not deploy:
/// the firmware keeps model.c's MLP, whose header `rig train` writes beside. The arena is checked against the
/// profile's model RAM budget before anything is written.
/// </summary>
public static class GraphFiles
{
    public const string TfliteName = "model.tflite";

    public static IReadOnlyList<string> Write(string directory, ModelGraph graph, GraphTrainingInfo? training, BoardProfile profile, bool deploy)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var written = new List<string>();
        if (deploy)
        {
            var firmware = GraphModelFiles.Write(directory, graph, profile.Classifier.WindowColumns, new FrontendTables(profile.Frontend).ConfigHash,
                profile.Name, profile.Memory.ModelRamBudgetBytes);
            written.AddRange([firmware.GraphHeader, firmware.WeightsHeader, firmware.Costs]);
        }
        else
        {
            GraphHeaderWriter.CheckBudget(PreparedGraph.From(graph), profile.Name, profile.Memory.ModelRamBudgetBytes);
            Directory.CreateDirectory(directory);
        }
        var tflite = Path.Combine(directory, TfliteName);
        TfliteWriter.WriteFile(graph, tflite);
        var json = Path.Combine(directory, GraphJson.FileName);
        File.WriteAllText(json, GraphJson.Write(graph, training));
        return [tflite, .. written, json];
    }
}
