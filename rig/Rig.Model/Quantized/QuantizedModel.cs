using Rig.Core;
using Rig.Core.Runs;

namespace Rig.Model.Quantized;

/// <summary>
/// The integer classifier exactly as firmware/core/model.c runs it: window statistics, int8 inputs,
/// one ReLU hidden layer, base-2 Q8 logits and a Q15 softmax. Every array here is emitted verbatim
/// into rig_model_weights.h, so this record is the single description of the deployed model.
/// </summary>
public sealed record QuantizedModel
{
    /// <summary>Classes the model outputs: the rig's labels (the firmware gets the same count from the generated rig_profile.h).</summary>
    public static int Classes => Labels.All.Count;

    public required string Name { get; init; }
    public required string Profile { get; init; }
    /// <summary>Values per feature column (RIG_FE_COLUMN_LEN).</summary>
    public required int Bands { get; init; }
    /// <summary>Columns per window; a power of two.</summary>
    public required int WindowColumns { get; init; }
    public required int Hidden { get; init; }
    /// <summary>Frontend config hash the model was trained on (RIG_FE_CONFIG_HASH).</summary>
    public required uint FrontendConfigHash { get; init; }
    public required short[] InputOffset { get; init; }
    public required short[] InputMult { get; init; }
    public required byte[] InputShift { get; init; }
    /// <summary>Hidden x Features, row-major.</summary>
    public required sbyte[] W1 { get; init; }
    public required int[] B1 { get; init; }
    public required int[] M1 { get; init; }
    public required byte[] S1 { get; init; }
    /// <summary>Classes x Hidden, row-major.</summary>
    public required sbyte[] W2 { get; init; }
    public required int[] B2 { get; init; }
    public required int[] M2 { get; init; }
    public required byte[] S2 { get; init; }

    public int Features => 2 * Bands;
    public int WindowShift => System.Numerics.BitOperations.Log2((uint)WindowColumns);

    /// <summary>Dense-layer multiply-accumulates per inference (rig_model_macs).</summary>
    public long Macs => (long)Features * Hidden + (long)Hidden * Classes;

    /// <summary>Bytes of weight tables in flash (what rig_model_weights.h puts in .rodata).</summary>
    public int ParameterBytes =>
        Features * (2 + 2 + 1) + W1.Length + Hidden * (4 + 4 + 1) + W2.Length + Classes * (4 + 4 + 1);

    /// <summary>sizeof(rig_model_window_t) on a 32-bit target: sums, delta sums, previous column, count.</summary>
    public int WindowBytes => WindowBytesOf(Bands);

    /// <summary>sizeof(rig_model_window_t) of a stats window over <paramref name="bands"/> bands (model.h).</summary>
    public static int WindowBytesOf(int bands) => Align4(bands * 4 * 2 + bands * 2 + 2);

    /// <summary>sizeof(rig_model_trace_t): the stack frame of one inference.</summary>
    public int TraceBytes => Align2(Features * 2 + Features + Hidden + Classes * 2 * 2);

    /// <summary>Model RAM as the firmware uses it: two overlapping windows plus one inference's trace.</summary>
    public int RamBytes => 2 * WindowBytes + TraceBytes;

    public ModelSummary Summary() => new(Name, Macs, ParameterBytes, RamBytes);

    public ModelTrace Infer(ModelWindow window) => Inference.Run(this, window);

    /// <summary>Every inconsistency between the dimensions and the arrays; empty when the model is well formed.</summary>
    public IEnumerable<string> Problems()
    {
        if (Bands < 1) yield return $"bands {Bands} must be positive";
        if (WindowColumns < 2 || WindowColumns > 1024 || (WindowColumns & (WindowColumns - 1)) != 0)
            yield return $"window_columns {WindowColumns} must be a power of two in [2, 1024]";
        if (Hidden < 1) yield return $"hidden {Hidden} must be positive";
        if (InputOffset.Length != Features) yield return $"input_offset has {InputOffset.Length} values, expected {Features}";
        if (InputMult.Length != Features) yield return $"input_mult has {InputMult.Length} values, expected {Features}";
        if (InputShift.Length != Features) yield return $"input_shift has {InputShift.Length} values, expected {Features}";
        if (InputShift.Any(s => s > 30)) yield return "input_shift values must be at most 30";
        if (W1.Length != Features * Hidden) yield return $"w1 has {W1.Length} values, expected {Features * Hidden}";
        if (B1.Length != Hidden || M1.Length != Hidden || S1.Length != Hidden) yield return $"b1/m1/s1 must have {Hidden} values";
        if (W2.Length != Hidden * Classes) yield return $"w2 has {W2.Length} values, expected {Hidden * Classes}";
        if (B2.Length != Classes || M2.Length != Classes || S2.Length != Classes) yield return $"b2/m2/s2 must have {Classes} values";
        if (S1.Concat(S2).Any(s => s > 62)) yield return "layer shifts must be at most 62";
        if (M1.Concat(M2).Any(m => m < 0 || m > 1 << 16)) yield return "layer multipliers must be in [0, 65536]";
    }

    private static int Align4(int n) => (n + 3) & ~3;
    private static int Align2(int n) => (n + 1) & ~1;
}
