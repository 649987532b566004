using Rig.Model.Graph;

namespace Rig.Model.Tflite.Oracle;

/// <summary>Differences between the golden twin and TFLite on one tensor over all inputs.</summary>
public sealed record ValueDifference(int Values, int Differing, int MaxAbsDifference)
{
    public static ValueDifference Of(IReadOnlyList<sbyte[]> twin, IReadOnlyList<sbyte[]> tflite)
    {
        ArgumentNullException.ThrowIfNull(twin);
        ArgumentNullException.ThrowIfNull(tflite);
        int values = 0, differing = 0, max = 0;
        for (var i = 0; i < twin.Count; i++)
            for (var k = 0; k < twin[i].Length; k++)
            {
                values++;
                var d = Math.Abs(twin[i][k] - tflite[i][k]);
                if (d == 0) continue;
                differing++;
                max = Math.Max(max, d);
            }
        return new ValueDifference(values, differing, max);
    }
}

/// <summary>One operator run alone in TFLite on the twin's input to it, against the twin's output of it.</summary>
public sealed record LayerDifference(int OperatorIndex, OperatorKind Kind, ValueDifference Difference)
{
    /// <summary>
    /// FULLY_CONNECTED and SOFTMAX: of the differing values, how many TFLite's own optimised arithmetic reproduces exactly
    /// (<see cref="RuyFullyConnected"/>: ruy's single rounding; <see cref="TableSoftmax"/>: its float exp table); null for
    /// other kinds (not predicted).
    /// </summary>
    public int? Explained { get; init; }
}

/// <summary>The model's outputs compared end to end, and each layer compared on its own.</summary>
public sealed record OracleComparisonResult(int Inputs, ValueDifference Outputs, IReadOnlyList<LayerDifference> Layers);

/// <summary>
/// Runs a model in the golden twin and in TFLite's interpreter on the same int8 inputs and counts differing int8
/// values: end to end (the model's output) and layer by layer (each operator alone in TFLite, fed the twin's own
/// input to it), so a difference is attributed to the operator that makes it rather than to the ones it flows through.
/// </summary>
public static class OracleComparison
{
    public static OracleComparisonResult Run(TfliteOracle oracle, ModelGraph graph, ReadOnlySpan<byte> tfliteBytes, IReadOnlyList<sbyte[]> inputs, bool layerByLayer = true)
    {
        ArgumentNullException.ThrowIfNull(oracle);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(inputs);
        var twin = new GraphInterpreter(graph);
        var traces = inputs.Select(i => twin.Run(i)).ToList();
        var tflite = oracle.Run(tfliteBytes, inputs);
        var outputs = ValueDifference.Of([.. traces.Select(t => t.Output)], tflite.Outputs);

        var layers = new List<LayerDifference>();
        if (layerByLayer)
        {
            foreach (var op in graph.Operators)
            {
                var layerInputs = traces.Select(t => ValuesOf(graph, t, op.Inputs[0])).ToList();
                var single = oracle.Run(TfliteWriter.Write(SingleOperatorGraph.Of(graph, op.Index)), layerInputs);
                var twinOutputs = traces.Select(t => t.Layers[op.Index]).ToList();
                layers.Add(new LayerDifference(op.Index, op.Kind, ValueDifference.Of(twinOutputs, single.Outputs))
                {
                    Explained = op.Kind switch
                    {
                        OperatorKind.FullyConnected => Explained(layerInputs, twinOutputs, single.Outputs,
                            RuyOf(twin.Graph.Layers.First(l => l.OperatorIndex == op.Index))),
                        OperatorKind.Softmax => Explained(layerInputs, twinOutputs, single.Outputs, TableSoftmaxOf(graph, op)),
                        _ => null,
                    },
                });
            }
        }
        return new OracleComparisonResult(inputs.Count, outputs, layers);
    }

    /// <summary>Differing values where TFLite's output is exactly its own optimised arithmetic (<paramref name="tfliteKernel"/>) on the same input.</summary>
    private static int Explained(IReadOnlyList<sbyte[]> inputs, IReadOnlyList<sbyte[]> twin, IReadOnlyList<sbyte[]> tflite, Func<sbyte[], sbyte[]> tfliteKernel)
    {
        var explained = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            var predicted = tfliteKernel(inputs[i]);
            for (var k = 0; k < predicted.Length; k++)
                if (twin[i][k] != tflite[i][k] && predicted[k] == tflite[i][k]) explained++;
        }
        return explained;
    }

    private static Func<sbyte[], sbyte[]> RuyOf(PreparedLayer layer) => input => RuyFullyConnected.Run(layer, input);

    private static Func<sbyte[], sbyte[]> TableSoftmaxOf(ModelGraph graph, GraphOperator op)
    {
        var input = graph.Tensors[op.Inputs[0]];
        var output = graph.Tensors[op.Outputs[0]];
        var inputScale = (float)input.Quantization!.Scales[0];
        var outputScale = (float)output.Quantization!.Scales[0];
        var zeroPoint = (int)output.Quantization.ZeroPoints[0];
        var softmax = new TableSoftmax(inputScale, (float)op.Options.SoftmaxBeta, outputScale, zeroPoint, input.Shape[^1]);
        return values => softmax.Run(values);
    }

    /// <summary>The twin's values of <paramref name="tensor"/> in one run: the model input or the output of the operator that wrote it.</summary>
    private static sbyte[] ValuesOf(ModelGraph graph, GraphTrace trace, int tensor)
    {
        if (tensor == graph.Inputs[0]) return trace.Input;
        var writer = graph.Operators.First(o => o.Outputs[0] == tensor);
        return trace.Layers[writer.Index];
    }
}
