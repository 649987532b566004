namespace Rig.Model.Quantized;

/// <summary>The five stages of rig_model_trace in model.c, in the same order with the same integer operations.</summary>
internal static class Inference
{
    public static ModelTrace Run(QuantizedModel m, ModelWindow w)
    {
        if (w.Bands != m.Bands || w.WindowColumns != m.WindowColumns)
            throw new ArgumentException($"window is {w.Bands}x{w.WindowColumns}, model expects {m.Bands}x{m.WindowColumns}", nameof(w));
        if (!w.IsFull)
            return new ModelTrace(-1, [], [], [], [], new short[QuantizedModel.Classes]);

        var stats = Stats(m, w);
        var inputs = Inputs(m, stats);
        var hidden = Hidden(m, inputs);
        var logits = Logits(m, hidden);
        var scores = SoftmaxQ15.Compute(logits);
        var best = 0;
        for (var c = 1; c < logits.Length; c++)
            if (logits[c] > logits[best]) best = c;
        return new ModelTrace(best, stats, inputs, hidden, logits, scores);
    }

    public static short[] Stats(QuantizedModel m, ModelWindow w) => Stats(w);

    /// <summary>Stage 1 of a full window: rounded means of the values and of the absolute deltas.</summary>
    public static short[] Stats(ModelWindow w)
    {
        var shift = System.Numerics.BitOperations.Log2((uint)w.WindowColumns);
        var half = 1 << (shift - 1);
        var stats = new short[2 * w.Bands];
        for (var b = 0; b < w.Bands; b++)
        {
            stats[b] = FixedPoint.Sat16((w.Sum[b] + half) >> shift);
            stats[w.Bands + b] = FixedPoint.Sat16((w.DeltaSum[b] + half) >> shift);
        }
        return stats;
    }

    public static sbyte[] Inputs(QuantizedModel m, ReadOnlySpan<short> stats) => Inputs(m.InputOffset, m.InputMult, m.InputShift, stats);

    public static sbyte[] Inputs(short[] offset, short[] mult, byte[] shift, ReadOnlySpan<short> stats)
    {
        var x = new sbyte[stats.Length];
        for (var k = 0; k < stats.Length; k++)
        {
            int d = FixedPoint.Sat16(stats[k] - offset[k]);
            var p = d * mult[k];
            int s = shift[k];
            if (s > 0) p = (p + (1 << (s - 1))) >> s;
            x[k] = FixedPoint.Sat8(p);
        }
        return x;
    }

    public static sbyte[] Hidden(QuantizedModel m, ReadOnlySpan<sbyte> x)
    {
        var h = new sbyte[m.Hidden];
        for (var i = 0; i < m.Hidden; i++)
        {
            var acc = m.B1[i];
            for (var k = 0; k < m.Features; k++)
                acc += m.W1[i * m.Features + k] * x[k];
            var v = FixedPoint.Requantize(acc, m.M1[i], m.S1[i]);
            h[i] = (sbyte)(v < 0 ? 0 : v > 127 ? 127 : v);
        }
        return h;
    }

    public static short[] Logits(QuantizedModel m, ReadOnlySpan<sbyte> h)
    {
        var y = new short[QuantizedModel.Classes];
        for (var c = 0; c < QuantizedModel.Classes; c++)
        {
            var acc = m.B2[c];
            for (var i = 0; i < m.Hidden; i++)
                acc += m.W2[c * m.Hidden + i] * h[i];
            y[c] = FixedPoint.Sat16(FixedPoint.Requantize(acc, m.M2[c], m.S2[c]));
        }
        return y;
    }
}
