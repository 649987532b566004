using Rig.Protocol.Messages;

namespace Rig.Runs.Clips;

/// <summary>Everything one board produced for one clip (the attempt that succeeded).</summary>
public sealed record ClipCapture(
    IReadOnlyList<FeatureColumn> Columns,
    IReadOnlyList<WindowResult> Windows,
    short[]? Captured,
    StatsReport Stats,
    int Retries,
    IReadOnlyList<string> RetryLog)
{
    /// <summary>Debug mode only: every stage of every column, (column, stage id) -> values (the window stage ends with the shift, like Rig.Dsp's FrontendTaps.Values).</summary>
    public IReadOnlyDictionary<(int Column, int Stage), long[]> Stages { get; init; } = new Dictionary<(int, int), long[]>();
    /// <summary>Debug mode only: the model's layers, (window, layer) -> int8 values (layer -1: the graph's input), as the board streamed them.</summary>
    public IReadOnlyDictionary<(int Window, int Layer), sbyte[]> Layers { get; init; } = new Dictionary<(int, int), sbyte[]>();
    /// <summary>Frame-level recovery this clip needed (all attempts).</summary>
    public Link.RecoveryCounts Recovery { get; init; } = Link.RecoveryCounts.None;
}
