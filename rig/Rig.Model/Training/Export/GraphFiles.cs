using Rig.Model.Graph;

namespace Rig.Model.Training.Export;

/// <summary>
/// Writes a trained graph into a folder: model_graph.json always, and every file a graph writer
/// exists for. The TFLite flatbuffer (model.tflite, Rig.Model/Tflite) and the firmware header
/// (rig_model_graph.h, Rig.Model/Graph) are written by their owners' writers; until a writer is in
/// <see cref="Writers"/> its file is listed in <see cref="Pending"/> and reported, never faked.
/// </summary>
public static class GraphFiles
{
    /// <summary>File name and writer of every graph format the rig can produce today.</summary>
    public static IReadOnlyList<(string FileName, Func<ModelGraph, byte[]> Write)> Writers { get; } = [];

    /// <summary>Files `rig train` will write once their writer lands (name, what writes it).</summary>
    public static IReadOnlyList<(string FileName, string Writer)> Pending { get; } =
    [
        ("model.tflite", "TfliteWriter (Rig.Model/Tflite)"),
        ("rig_model_graph.h", "the graph header writer (Rig.Model/Graph)"),
    ];

    public static IReadOnlyList<string> Write(string directory, ModelGraph graph, GraphTrainingInfo? training)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var json = Path.Combine(directory, GraphJson.FileName);
        File.WriteAllText(json, GraphJson.Write(graph, training));
        written.Add(json);
        foreach (var (fileName, write) in Writers)
        {
            var path = Path.Combine(directory, fileName);
            File.WriteAllBytes(path, write(graph));
            written.Add(path);
        }
        return written;
    }
}
