using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rig.Model.Graph;

/// <summary>
/// rig_model_graph.json next to a generated graph header: the model's per-layer costs and its arena, for
/// `rig mem`, run.json and reports (read without parsing C). Written by <see cref="GraphModelFiles"/>.
/// </summary>
public sealed record GraphCosts(string Name, int ArenaBytes, long Macc, int WeightBytes, IReadOnlyList<LayerCost> Layers)
{
    public const string FileName = "rig_model_graph.json";

    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static GraphCosts Of(PreparedGraph g)
    {
        var layers = LayerCost.Of(g);
        return new GraphCosts(g.Graph.Name, g.Arena.Bytes, layers.Sum(l => l.Macc), layers.Sum(l => l.WeightBytes), layers);
    }

    public string Serialize() => JsonSerializer.Serialize(this, s_options) + "\n";

    /// <summary>The costs file of a generated folder, or null when the folder's model is not a graph.</summary>
    public static GraphCosts? TryLoad(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<GraphCosts>(File.ReadAllText(path), s_options)
                ?? throw new InvalidDataException($"{path}: empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: line {e.LineNumber + 1}: {e.Path}: {e.Message}", e);
        }
    }
}
