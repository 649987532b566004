namespace Rig.Model.Training.Cnn;

/// <summary>Average over the whole height and width per channel: [H, W, C] -> [1, 1, C] (an AVERAGE_POOL_2D with the input's size as filter, VALID).</summary>
public sealed class GlobalAveragePoolLayer(FeatureShape input) : ILayer
{
    public FeatureShape Input { get; } = input;
    public FeatureShape Output { get; } = new(1, 1, input.Channels);
    public IReadOnlyList<double[]> Parameters { get; } = [];
    public IReadOnlyList<double[]> Gradients { get; } = [];

    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        var c = Input.Channels;
        var n = Input.Height * Input.Width;
        y.Clear();
        for (var p = 0; p < n; p++)
        {
            var xs = x.Slice(p * c, c);
            for (var k = 0; k < c; k++) y[k] += xs[k];
        }
        for (var k = 0; k < c; k++) y[k] /= n;
    }

    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> dy, Span<double> dx)
    {
        if (dx.IsEmpty) return;
        var c = Input.Channels;
        var n = Input.Height * Input.Width;
        for (var p = 0; p < n; p++)
            for (var k = 0; k < c; k++) dx[p * c + k] = dy[k] / n;
    }
}
