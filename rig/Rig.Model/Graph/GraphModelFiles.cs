namespace Rig.Model.Graph;

/// <summary>
/// Writes a graph model into a generated folder (firmware/generated/&lt;profile&gt;/ or `rig train --out`):
/// rig_model_graph.h (layers, weights, arena), rig_model_weights.h in graph mode (model.h's dimensions,
/// RIG_MODEL_GRAPH) and rig_model_graph.json (per-layer costs). The one call for `rig model import` and
/// `rig train --arch ds-cnn`. Refuses a graph the kernels cannot run, or whose arena exceeds the budget.
/// </summary>
public static class GraphModelFiles
{
    public const string WeightsHeaderName = "rig_model_weights.h";

    public sealed record Written(string GraphHeader, string WeightsHeader, string Costs, PreparedGraph Graph);

    public static Written Write(string directory, ModelGraph graph, int windowColumns, uint frontendConfigHash, string profile, int modelRamBudgetBytes)
    {
        var prepared = PreparedGraph.From(graph);
        GraphHeaderWriter.CheckBudget(prepared, profile, modelRamBudgetBytes);
        var header = GraphHeaderWriter.Write(prepared);
        var weights = GraphHeaderWriter.WriteWeightsHeader(prepared, windowColumns, frontendConfigHash);
        Directory.CreateDirectory(directory);
        var written = new Written(
            Path.Combine(directory, GraphHeaderWriter.FileName),
            Path.Combine(directory, WeightsHeaderName),
            Path.Combine(directory, GraphCosts.FileName),
            prepared);
        File.WriteAllText(written.GraphHeader, header);
        File.WriteAllText(written.WeightsHeader, weights);
        File.WriteAllText(written.Costs, GraphCosts.Of(prepared).Serialize());
        return written;
    }
}
