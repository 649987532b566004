using Rig.Model.Quantized;

namespace Rig.Model.Clips;

/// <summary>
/// A clip's verdict from its windows: <see cref="Scores"/> are the aggregated Q15 scores per label,
/// <see cref="PredictedIndex"/> is -1 (and <see cref="Predicted"/> null) when the clip had no full window.
/// </summary>
public sealed record ClipDecision(IReadOnlyList<ModelTrace> Windows, int[] Scores, int PredictedIndex, string? Predicted);
