namespace Rig.Model.Training.Cnn;

/// <summary>Fully connected layer with TFLite's layout: weights [out, in], bias [out]; the input is flattened (a RESHAPE in the graph).</summary>
public sealed class DenseLayer : ILayer
{
    public DenseLayer(FeatureShape input, int outputs, bool relu)
    {
        Input = input;
        Output = new FeatureShape(1, 1, outputs);
        Relu = relu;
        Weights = new double[outputs * input.Size];
        Bias = new double[outputs];
        Parameters = [Weights, Bias];
        Gradients = [new double[Weights.Length], new double[Bias.Length]];
    }

    public FeatureShape Input { get; }
    public FeatureShape Output { get; }
    public bool Relu { get; }
    public double[] Weights { get; }
    public double[] Bias { get; }
    public IReadOnlyList<double[]> Parameters { get; }
    public IReadOnlyList<double[]> Gradients { get; }

    public void Initialise(SplitMix64 rng)
    {
        var s = Math.Sqrt(2.0 / Input.Size);
        for (var i = 0; i < Weights.Length; i++) Weights[i] = rng.NextGaussian() * s;
    }

    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        var n = Input.Size;
        for (var o = 0; o < Output.Channels; o++)
        {
            var ws = Weights.AsSpan(o * n, n);
            var acc = Bias[o];
            for (var i = 0; i < n; i++) acc += ws[i] * x[i];
            y[o] = Relu && acc < 0 ? 0 : acc;
        }
    }

    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> dy, Span<double> dx)
    {
        var n = Input.Size;
        if (!dx.IsEmpty) dx.Clear();
        for (var o = 0; o < Output.Channels; o++)
        {
            var g = Relu && y[o] <= 0 ? 0 : dy[o];
            if (g == 0) continue;
            Gradients[1][o] += g;
            var dws = Gradients[0].AsSpan(o * n, n);
            for (var i = 0; i < n; i++) dws[i] += g * x[i];
            if (dx.IsEmpty) continue;
            var ws = Weights.AsSpan(o * n, n);
            for (var i = 0; i < n; i++) dx[i] += g * ws[i];
        }
    }
}
