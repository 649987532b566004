using Rig.Model.Quantized;

namespace Rig.Model.Training;

/// <summary>
/// Post-training quantisation of a <see cref="FloatMlp"/> trained on int8 inputs (scale 1/StepsPerSigma):
/// per-neuron activation scales from the largest training activation (folded into the output
/// weights), per-row symmetric int8 weights, int32 biases at the accumulator's scale, and each
/// real rescale factor f turned into m / 2^s with m in [2^14, 2^15).
/// Output logits are converted from natural-log units to base-2 Q8 (x 256 / ln 2).
/// </summary>
public static class Quantizer
{
    private const int BiasLimit = 1 << 24; // keeps bias + F*127*127 far inside int32

    public static QuantizedModel Quantize(FloatMlp net, InputQuantization input, IReadOnlyList<double[]> trainInputs, ModelShape shape)
    {
        var sx = 1.0 / InputQuantization.StepsPerSigma;
        var hidden = new double[net.Hidden];
        var logits = new double[net.Classes];
        var actMax = new double[net.Hidden];
        foreach (var x in trainInputs)
        {
            net.Forward(x, hidden, logits);
            for (var i = 0; i < net.Hidden; i++) actMax[i] = Math.Max(actMax[i], hidden[i]);
        }
        var sh = actMax.Select(a => a > 0 ? a / 127.0 : 1.0).ToArray();

        var w1 = new sbyte[net.W1.Length];
        var b1 = new int[net.Hidden];
        var m1 = new int[net.Hidden];
        var s1 = new byte[net.Hidden];
        for (var i = 0; i < net.Hidden; i++)
        {
            var row = net.W1.AsSpan(i * net.Inputs, net.Inputs);
            var sw = RowScale(row);
            for (var k = 0; k < net.Inputs; k++) w1[i * net.Inputs + k] = (sbyte)Math.Clamp(Math.Round(row[k] / sw), -127, 127);
            b1[i] = (int)Math.Clamp(Math.Round(net.B1[i] / (sx * sw)), -BiasLimit, BiasLimit);
            (m1[i], s1[i]) = MultShift(actMax[i] > 0 ? sx * sw / sh[i] : 0);
        }

        var w2 = new sbyte[net.W2.Length];
        var b2 = new int[net.Classes];
        var m2 = new int[net.Classes];
        var s2 = new byte[net.Classes];
        var folded = new double[net.Hidden];
        for (var c = 0; c < net.Classes; c++)
        {
            for (var i = 0; i < net.Hidden; i++) folded[i] = net.W2[c * net.Hidden + i] * sh[i];
            var sw = RowScale(folded);
            for (var i = 0; i < net.Hidden; i++) w2[c * net.Hidden + i] = (sbyte)Math.Clamp(Math.Round(folded[i] / sw), -127, 127);
            b2[c] = (int)Math.Clamp(Math.Round(net.B2[c] / sw), -BiasLimit, BiasLimit);
            (m2[c], s2[c]) = MultShift(sw * 256.0 / Math.Log(2.0));
        }

        return new QuantizedModel
        {
            Name = shape.Name,
            Profile = shape.Profile,
            Bands = shape.Bands,
            WindowColumns = shape.WindowColumns,
            Hidden = net.Hidden,
            FrontendConfigHash = shape.FrontendConfigHash,
            InputOffset = input.Offset,
            InputMult = input.Mult,
            InputShift = input.Shift,
            W1 = w1, B1 = b1, M1 = m1, S1 = s1,
            W2 = w2, B2 = b2, M2 = m2, S2 = s2,
        };
    }

    private static double RowScale(ReadOnlySpan<double> row)
    {
        double max = 0;
        foreach (var v in row) max = Math.Max(max, Math.Abs(v));
        return max > 0 ? max / 127.0 : 1.0;
    }

    /// <summary>m / 2^s ~ f with m in [2^14, 2^15) for s in [0, 62]; f = 0 gives (0, 0).</summary>
    public static (int M, byte S) MultShift(double f)
    {
        if (f <= 0) return (0, 0);
        var s = 0;
        while (s < 62 && f * Math.Pow(2, s + 1) < 32767.5) s++;
        var m = (long)Math.Round(f * Math.Pow(2, s));
        return ((int)Math.Min(m, 1 << 16), (byte)s);
    }
}

/// <summary>What the quantiser needs to know about the deployment besides the weights.</summary>
/// <param name="MelBandsBeforeDct">Mel bands feeding the DCT when the columns are MFCCs; 0 for log-mel columns.</param>
public sealed record ModelShape(string Name, string Profile, int Bands, int WindowColumns, uint FrontendConfigHash, int MelBandsBeforeDct = 0);
