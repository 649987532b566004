namespace Rig.Model.Quantized;

/// <summary>
/// Softmax of base-2 Q8 logits into Q15 probabilities without float or division: 2^(-d) from a
/// 64-entry table of the fractional part and a shift for the whole part, then one reciprocal.
/// </summary>
public static class SoftmaxQ15
{
    /// <summary>round(32768 * 2^(-k/64)): the table model.c hard-codes (a test checks it against this formula).</summary>
    public static ReadOnlySpan<ushort> Exp2Table => s_exp2Table;

    private static readonly ushort[] s_exp2Table = Enumerable.Range(0, 64)
        .Select(k => (ushort)Math.Round(32768.0 * Math.Pow(2.0, -k / 64.0))).ToArray();

    public static short[] Compute(ReadOnlySpan<short> logits)
    {
        var e = new uint[logits.Length];
        int top = logits[0];
        for (var c = 1; c < logits.Length; c++)
            if (logits[c] > top) top = logits[c];
        uint sum = 0;
        for (var c = 0; c < logits.Length; c++)
        {
            var d = top - logits[c];
            var whole = d >> 8;
            e[c] = whole >= 16 ? 0u : (uint)s_exp2Table[(d & 255) >> 2] >> whole;
            sum += e[c];
        }
        var r = FixedPoint.ReciprocalQ31(sum);
        var scores = new short[logits.Length];
        for (var c = 0; c < logits.Length; c++)
        {
            var p = (e[c] * r + 32768u) >> 16;
            scores[c] = (short)(p > 32767u ? 32767u : p);
        }
        return scores;
    }
}
