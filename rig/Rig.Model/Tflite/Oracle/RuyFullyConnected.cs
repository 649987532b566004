using Rig.Model.Graph;
using Rig.Model.Graph.Kernels;

namespace Rig.Model.Tflite.Oracle;

/// <summary>
/// FULLY_CONNECTED as TFLite's interpreter (the oracle's WASM build) runs it, which is why it can differ from the
/// reference arithmetic the twin and TFLite Micro use. The int8 kernel goes through cpu_backend_gemm; with batch 1 it
/// first tries a custom GEMV, which exists for NEON only, and outside x86 and NEON (WebAssembly) an int8 GEMM is routed
/// to ruy (tensorflow/lite/kernels/cpu_backend_gemm.h). Ruy's output stage (ruy/apply_multiplier.cc,
/// detail::MultiplyByQuantizedMultiplier) deliberately drops the reference's double rounding: one 64-bit product
/// x * M rounded once, half up, by 31 - shift bits, where the reference (gemmlowp's SaturatingRoundingDoublingHighMul
/// then RoundingDivideByPOT) rounds at bit 31 and again at the shift, the second time half away from zero. The two
/// differ on a negative tie of the shift (-1.5: -2 against -1) and where the first rounding makes or breaks a tie of
/// the second; never by more than 1 LSB.
/// </summary>
public static class RuyFullyConnected
{
    /// <summary>Ruy's single-rounding multiply: (x * M + 2^(30 - shift)) &gt;&gt; (31 - shift), in 64 bits.</summary>
    public static int MultiplyByQuantizedMultiplier(int x, int multiplier, int shift)
    {
        var total = 31 - shift;
        return (int)(((long)x * multiplier + (1L << (total - 1))) >> total);
    }

    /// <summary>The layer's output as ruy computes it: the reference accumulator and bias, ruy's rounding.</summary>
    public static sbyte[] Run(PreparedLayer layer, ReadOnlySpan<sbyte> input)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (layer.Kind != OperatorKind.FullyConnected) throw new ArgumentException($"operator {layer.OperatorIndex} is {layer.Kind}, not FULLY_CONNECTED", nameof(layer));
        var output = new sbyte[layer.OutC];
        for (var c = 0; c < layer.OutC; c++)
            output[c] = OutputStage.Requantize(layer, FullyConnectedKernel.Accumulator(layer, input, c), c, MultiplyByQuantizedMultiplier);
        return output;
    }
}
