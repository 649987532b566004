namespace Rig.Model.Quantized;

/// <summary>
/// Every stage of one inference (twin of rig_model_trace_t), so a disagreement with the board names
/// the first stage that differs. <see cref="Winner"/> is -1 and the arrays are empty except
/// <see cref="Scores"/> (all zero) when the window was not full.
/// </summary>
public sealed record ModelTrace(int Winner, short[] Stats, sbyte[] Inputs, sbyte[] Hidden, short[] Logits, short[] Scores)
{
    public static readonly string[] StageNames = ["stats", "inputs", "hidden", "logits", "scores"];
}
