using Rig.Core.Runs;
using Rig.Model.Graph;

namespace Rig.Runs.Diff;

/// <summary>
/// Names the first model layer that diverges: the golden twin's trace of one window (its int8 input, then every
/// layer in execution order) against the layers the board dumped for that window (LAYER messages). A layer the board
/// did not send, or sent short, differs in the values it lacks.
/// </summary>
public static class LayerLocator
{
    public const string InputKind = "input";

    /// <summary>The first differing layer of <paramref name="window"/>, or null when every layer agrees.</summary>
    public static LayerDivergence? First(PreparedGraph graph, GraphTrace golden, int window, IReadOnlyDictionary<(int Window, int Layer), sbyte[]> board)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(golden);
        for (var layer = -1; layer < golden.Layers.Count; layer++)
        {
            var g = layer < 0 ? golden.Input : golden.Layers[layer];
            var b = board.GetValueOrDefault((window, layer)) ?? [];
            var differing = ModelDiff.Differing(g, b);
            if (differing == 0) continue;
            var at = 0;
            while (at < g.Length && at < b.Length && g[at] == b[at]) at++;
            var kind = layer < 0 ? InputKind : graph.Layers[layer].Kind.ToString();
            return new LayerDivergence(window, layer, kind, differing, g.Length, at, at < g.Length ? g[at] : 0, at < b.Length ? b[at] : null);
        }
        return null;
    }
}
