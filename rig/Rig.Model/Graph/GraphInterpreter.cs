using Rig.Model.Graph.Kernels;

namespace Rig.Model.Graph;

/// <summary>
/// The golden twin of firmware/core/nn: runs a prepared graph layer by layer on tensors of its own (not the
/// arena, so a planning error in the C run shows up as a difference) and keeps every layer's output.
/// </summary>
public sealed class GraphInterpreter
{
    public GraphInterpreter(PreparedGraph graph) => Graph = graph;

    public GraphInterpreter(ModelGraph graph) : this(PreparedGraph.From(graph)) { }

    public PreparedGraph Graph { get; }

    public GraphTrace Run(ReadOnlySpan<sbyte> input)
    {
        if (input.Length != Graph.InputBytes)
            throw new ArgumentException($"model '{Graph.Graph.Name}' takes {Graph.InputBytes} int8 inputs, got {input.Length}", nameof(input));
        var values = new Dictionary<int, sbyte[]> { [Graph.Graph.Inputs[0]] = input.ToArray() };
        var layers = new List<sbyte[]>(Graph.Layers.Count);
        foreach (var l in Graph.Layers)
        {
            if (!values.TryGetValue(l.InputTensor, out var x))
                throw new InvalidOperationException($"operator {l.OperatorIndex} ({l.Kind}) reads tensor {l.InputTensor} before any operator wrote it");
            var y = new sbyte[l.OutputElements];
            LayerKernel.Run(l, x, y);
            values[l.OutputTensor] = y;
            layers.Add(y);
        }
        return new GraphTrace(input.ToArray(), layers);
    }
}
