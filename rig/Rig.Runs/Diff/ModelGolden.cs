using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Model.Graph;
using Rig.Model.Quantized;
using Rig.Model.Tflite;

namespace Rig.Runs.Diff;

/// <summary>One window's model output as the golden twin computes it: the graph's int8 output (null for the MLP) and the Q15 scores.</summary>
public sealed record GoldenWindow(sbyte[]? Int8, short[] Scores);

/// <summary>
/// The golden twin of the model a board's firmware is built with (a generated folder, firmware/generated/&lt;p&gt;/ by
/// default): an int8 graph when its rig_model_weights.h is in graph mode (model.tflite and rig_model_graph.json beside
/// it, as `rig model import` and `rig train --arch ds-cnn` write them), else model.c's MLP (rig_model.json). It runs on
/// the board's own feature columns, so the model is compared apart from the frontend (whose columns FeatureDiff checks).
/// </summary>
public sealed class ModelGolden
{
    private const string GraphModeLine = "#define RIG_MODEL_GRAPH 1";

    private readonly GraphClassifier? _graph;
    private readonly QuantizedModel? _mlp;
    private readonly int _windowColumns;
    private readonly int _windowHop;

    private ModelGolden(GraphClassifier? graph, QuantizedModel? mlp, PreparedGraph? prepared, ModelSummary summary, int windowColumns, int windowHop)
    {
        _graph = graph;
        _mlp = mlp;
        Graph = prepared;
        Summary = summary;
        _windowColumns = windowColumns;
        _windowHop = windowHop;
    }

    /// <summary>The graph (layer kinds and order, for naming a diverging layer); null for the MLP.</summary>
    public PreparedGraph? Graph { get; }

    /// <summary>run.json's `model`: per-layer costs and the arena against the budget for a graph.</summary>
    public ModelSummary Summary { get; }

    /// <summary>Loads the model of <paramref name="directory"/>; a missing or malformed file throws IOException/InvalidDataException naming it.</summary>
    public static ModelGolden Load(BoardProfile profile, string directory)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var windowColumns = profile.Classifier.WindowColumns;
        var hop = profile.Classifier.WindowHopColumns;
        var weights = Path.Combine(directory, GraphModelFiles.WeightsHeaderName);
        if (File.Exists(weights) && File.ReadLines(weights).Any(l => l.Trim() == GraphModeLine))
        {
            var tflite = Path.Combine(directory, "model.tflite");
            if (!File.Exists(tflite))
                throw new FileNotFoundException($"{weights} is a graph model, but {tflite} (the graph the golden twin runs) is missing: run `rig model import` or `rig train --arch ds-cnn` again", tflite);
            var prepared = PreparedGraph.From(TfliteReader.ReadFile(tflite));
            var costs = LayerCost.Of(prepared);
            var input = FrontendInput.Of(prepared.Graph);
            // Two windows stay alive (app.c): window inputs keep their int8 columns, stats inputs model.c's sums.
            var window = input.Kind == ModelInputKind.Window ? input.Values + 2 : QuantizedModel.WindowBytesOf(input.Bands);
            var summary = new ModelSummary(prepared.Graph.Name, costs.Sum(c => c.Macc), costs.Sum(c => c.WeightBytes), prepared.Arena.Bytes + 2 * window)
            {
                Layers = costs.Select((c, i) => new ModelLayer(i, c.Kind.ToString(), c.Macc, c.WeightBytes, c.ActivationBytes)).ToList(),
                ArenaBytes = prepared.Arena.Bytes,
                RamBudgetBytes = profile.Memory.ModelRamBudgetBytes,
            };
            return new ModelGolden(new GraphClassifier(prepared, windowColumns), null, prepared, summary, windowColumns, hop);
        }
        var mlp = Rig.Model.Files.ModelJson.Load(Path.Combine(directory, Rig.Model.Files.ModelFiles.JsonName)).Model;
        return new ModelGolden(null, mlp, null, mlp.Summary() with { RamBudgetBytes = profile.Memory.ModelRamBudgetBytes }, windowColumns, hop);
    }

    /// <summary>Window w of the stream covers columns [w x hop, w x hop + W): every whole window of <paramref name="columns"/>.</summary>
    public IReadOnlyList<GoldenWindow> Windows(IReadOnlyList<short[]> columns)
    {
        var windows = new List<GoldenWindow>();
        for (var w = 0; w * _windowHop + _windowColumns <= columns.Count; w++) windows.Add(Window(columns, w));
        return windows;
    }

    /// <summary>Every layer of window <paramref name="window"/> (graphs only).</summary>
    public GraphTrace Trace(IReadOnlyList<short[]> columns, int window) =>
        (_graph ?? throw new InvalidOperationException("the MLP has no graph layers")).Classify(Slice(columns, window)).Trace;

    private GoldenWindow Window(IReadOnlyList<short[]> columns, int w)
    {
        var slice = Slice(columns, w);
        if (_graph is not null)
        {
            var d = _graph.Classify(slice);
            return new GoldenWindow(d.Trace.Output, d.Scores);
        }
        var window = new ModelWindow(_mlp!);
        foreach (var c in slice) window.Push(c);
        return new GoldenWindow(null, _mlp!.Infer(window).Scores);
    }

    private List<short[]> Slice(IReadOnlyList<short[]> columns, int w) =>
        Enumerable.Range(w * _windowHop, _windowColumns).Select(k => columns[k]).ToList();
}
