using Rig.Model.Quantized;

namespace Rig.Model.Graph;

/// <summary>One window classified by a graph: its int8 input, every layer, Q15 scores and the winner (rig_model_trace in graph mode).</summary>
public sealed record GraphDecision(int Winner, short[]? Stats, sbyte[] Inputs, GraphTrace Trace, short[] Scores);

/// <summary>
/// The twin of firmware/core/model_graph.c: a window of frontend columns (Q7.8) to the graph's input (the
/// quantised columns, or the window stats of model.c quantised alike), the graph run layer by layer, scores
/// (q + 128) &lt;&lt; 7 of its int8 softmax, the winner the first index of its maximum.
/// </summary>
public sealed class GraphClassifier
{
    private readonly GraphInterpreter _interpreter;

    public GraphClassifier(PreparedGraph graph, int windowColumns)
    {
        Input = FrontendInput.Of(graph.Graph);
        if (Input.Kind == ModelInputKind.Window && Input.Columns != windowColumns)
            throw new InvalidDataException($"model '{graph.Graph.Name}': window input of {Input.Columns} columns, the model window is {windowColumns}");
        WindowColumns = windowColumns;
        _interpreter = new GraphInterpreter(graph);
    }

    public FrontendInput Input { get; }
    public int WindowColumns { get; }

    public GraphDecision Classify(IReadOnlyList<short[]> columns)
    {
        if (columns.Count != WindowColumns) throw new ArgumentException($"a window has {WindowColumns} columns, got {columns.Count}", nameof(columns));
        short[]? stats = null;
        sbyte[] inputs;
        if (Input.Kind == ModelInputKind.Window)
        {
            inputs = columns.SelectMany(c => Input.Quantize(c)).ToArray();
        }
        else
        {
            var window = new ModelWindow(Input.Bands, WindowColumns);
            foreach (var c in columns) window.Push(c);
            stats = Inference.Stats(window);
            inputs = Input.Quantize(stats);
        }
        var trace = _interpreter.Run(inputs);
        var output = trace.Output;
        var winner = 0;
        for (var c = 1; c < output.Length; c++)
            if (output[c] > output[winner]) winner = c;
        return new GraphDecision(winner, stats, inputs, trace, output.Select(q => (short)((q + 128) << 7)).ToArray());
    }
}
