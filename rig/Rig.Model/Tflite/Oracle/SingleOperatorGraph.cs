using Rig.Model.Graph;

namespace Rig.Model.Tflite.Oracle;

/// <summary>
/// One operator of a graph as a graph of its own (its input, its constants, its output; tensors renumbered), so
/// TFLite can run each layer on the golden twin's own input to that layer and a difference is pinned to one op.
/// </summary>
public static class SingleOperatorGraph
{
    public static ModelGraph Of(ModelGraph graph, int operatorIndex)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var op = graph.Operators[operatorIndex];
        var ids = op.Inputs.Concat(op.Outputs).Distinct().ToList();
        var tensors = ids.Select((id, k) => graph.Tensors[id] with { Id = k }).ToList();
        int Map(int id) => ids.IndexOf(id);
        var single = op with { Index = 0, Inputs = [.. op.Inputs.Select(Map)], Outputs = [.. op.Outputs.Select(Map)] };
        return new ModelGraph($"{graph.Name}-op{operatorIndex}", tensors, [single], [Map(op.Inputs[0])], [Map(op.Outputs[0])]);
    }
}
