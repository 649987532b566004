namespace Rig.Model.Training;

/// <summary>
/// The float model training optimises: inputs -> ReLU hidden layer -> class logits (natural log
/// odds). Same shape as the integer model; weights row-major like the firmware's.
/// </summary>
public sealed class FloatMlp
{
    public FloatMlp(int inputs, int hidden, int classes)
    {
        Inputs = inputs;
        Hidden = hidden;
        Classes = classes;
        W1 = new double[hidden * inputs];
        B1 = new double[hidden];
        W2 = new double[classes * hidden];
        B2 = new double[classes];
    }

    public int Inputs { get; }
    public int Hidden { get; }
    public int Classes { get; }
    public double[] W1 { get; }
    public double[] B1 { get; }
    public double[] W2 { get; }
    public double[] B2 { get; }

    /// <summary>He-initialised weights, zero biases.</summary>
    public void Initialise(SplitMix64 rng)
    {
        var s1 = Math.Sqrt(2.0 / Inputs);
        for (var i = 0; i < W1.Length; i++) W1[i] = rng.NextGaussian() * s1;
        var s2 = Math.Sqrt(2.0 / Hidden);
        for (var i = 0; i < W2.Length; i++) W2[i] = rng.NextGaussian() * s2;
    }

    /// <summary>Forward pass: fills <paramref name="hidden"/> (after ReLU) and <paramref name="logits"/>.</summary>
    public void Forward(ReadOnlySpan<double> x, Span<double> hidden, Span<double> logits)
    {
        for (var i = 0; i < Hidden; i++)
        {
            var acc = B1[i];
            var row = W1.AsSpan(i * Inputs, Inputs);
            for (var k = 0; k < Inputs; k++) acc += row[k] * x[k];
            hidden[i] = acc > 0 ? acc : 0;
        }
        for (var c = 0; c < Classes; c++)
        {
            var acc = B2[c];
            var row = W2.AsSpan(c * Hidden, Hidden);
            for (var i = 0; i < Hidden; i++) acc += row[i] * hidden[i];
            logits[c] = acc;
        }
    }

    public static void Softmax(ReadOnlySpan<double> logits, Span<double> p)
    {
        var max = logits[0];
        for (var c = 1; c < logits.Length; c++) max = Math.Max(max, logits[c]);
        var sum = 0.0;
        for (var c = 0; c < logits.Length; c++) sum += p[c] = Math.Exp(logits[c] - max);
        for (var c = 0; c < logits.Length; c++) p[c] /= sum;
    }
}
