using Rig.Model.Graph;
using Rig.Model.Tflite;

namespace Rig.Model.Training.Export;

/// <summary>
/// Writes a trained graph into a folder: model.tflite (TfliteWriter), rig_model_graph.h (the
/// firmware's layers, GraphHeaderWriter) and model_graph.json (readable, with the training record).
/// The arena is checked against the profile's model RAM budget first, so an oversized model writes nothing.
/// </summary>
public static class GraphFiles
{
    public const string TfliteName = "model.tflite";

    public static IReadOnlyList<string> Write(string directory, ModelGraph graph, GraphTrainingInfo? training, string profile, int modelRamBudgetBytes)
    {
        var prepared = PreparedGraph.From(graph);
        GraphHeaderWriter.CheckBudget(prepared, profile, modelRamBudgetBytes);
        Directory.CreateDirectory(directory);
        var tflite = Path.Combine(directory, TfliteName);
        TfliteWriter.WriteFile(graph, tflite);
        var header = Path.Combine(directory, GraphHeaderWriter.FileName);
        File.WriteAllText(header, GraphHeaderWriter.Write(prepared));
        var json = Path.Combine(directory, GraphJson.FileName);
        File.WriteAllText(json, GraphJson.Write(graph, training));
        return [tflite, header, json];
    }
}
