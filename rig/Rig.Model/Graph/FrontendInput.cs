using Rig.Model.Graph.Kernels;

namespace Rig.Model.Graph;

/// <summary>
/// How the frontend's int16 Q7.8 values become the graph's int8 input (README "How a model sees the frontend";
/// real value = Q7.8 / 256, the convention of `rig train`): q = sat8(MultiplyByQuantizedMultiplier(v, m, s) + zp)
/// with (m, s) = QuantizeMultiplier(1/256 / input scale), computed once here. Window inputs are [1, W, B, 1]
/// (W columns oldest first), stats inputs [1, 2B] (B window means, then B mean |delta|s).
/// </summary>
public sealed record FrontendInput(ModelInputKind Kind, int Columns, int Bands, QuantizedMultiplier Scale, int ZeroPoint)
{
    public const double FrontendUnit = 1.0 / 256;

    public int Values => Kind == ModelInputKind.Window ? Columns * Bands : 2 * Bands;

    public static FrontendInput Of(ModelGraph graph)
    {
        var t = graph.Input;
        var q = t.Quantization;
        if (t.Type != TensorType.Int8 || q is null || q.Scales.Count != 1 || !(q.Scales[0] > 0))
            throw new InvalidDataException($"model '{graph.Name}': input tensor {t.Id} '{t.Name}' must be int8 with one positive scale");
        var shape = t.Shape;
        var kind = graph.InputKind;
        if (kind == ModelInputKind.Window && (shape[0] != 1 || shape[3] != 1))
            throw new InvalidDataException($"model '{graph.Name}': window input shape [{string.Join(", ", shape)}] is not [1, columns, bands, 1]");
        if (kind == ModelInputKind.Stats && (shape.Count != 2 || shape[0] != 1 || shape[1] % 2 != 0))
            throw new InvalidDataException($"model '{graph.Name}': stats input shape [{string.Join(", ", shape)}] is not [1, 2 x bands]");
        var (columns, bands) = kind == ModelInputKind.Window ? (shape[1], shape[2]) : (0, shape[1] / 2);
        return new FrontendInput(kind, columns, bands, QuantizedMultiplier.From(FrontendUnit / (float)q.Scales[0]), (int)q.ZeroPoints[0]);
    }

    /// <summary>One frontend value as the graph's int8 input (rig_nn_quantize_input's twin).</summary>
    public sbyte Quantize(short v) =>
        (sbyte)Math.Clamp(FixedPointQ31.MultiplyByQuantizedMultiplier(v, Scale.Multiplier, Scale.Shift) + ZeroPoint, sbyte.MinValue, sbyte.MaxValue);

    public sbyte[] Quantize(ReadOnlySpan<short> values)
    {
        var q = new sbyte[values.Length];
        for (var i = 0; i < values.Length; i++) q[i] = Quantize(values[i]);
        return q;
    }
}
