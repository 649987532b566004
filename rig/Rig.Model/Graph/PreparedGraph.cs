namespace Rig.Model.Graph;

/// <summary>
/// A <see cref="ModelGraph"/> ready to run: its layers with integer parameters and arena offsets, the arena
/// size, and where the input and output live in it (rig_nn_graph_t of firmware/core/nn/rig_nn_graph.h).
/// </summary>
public sealed record PreparedGraph(ModelGraph Graph, IReadOnlyList<PreparedLayer> Layers, ArenaPlan Arena)
{
    public int InputAt => Arena.OffsetOf(Graph.Inputs[0]);
    public int InputBytes => Graph.Input.ElementCount;
    public int OutputAt => Arena.OffsetOf(Graph.Outputs[0]);
    public int OutputBytes => Graph.Output.ElementCount;

    public static PreparedGraph From(ModelGraph graph)
    {
        var arena = ArenaPlanner.Plan(graph);
        var layers = graph.Operators
            .Select(op => LayerPreparation.Prepare(graph, op) with
            {
                InAt = arena.OffsetOf(op.Inputs[0]),
                OutAt = arena.OffsetOf(op.Outputs[0]),
            })
            .ToList();
        return new PreparedGraph(graph, layers, arena);
    }
}
