namespace Rig.Model.Training.Cnn;

/// <summary>
/// One float layer of the DS-CNN. Forward writes the output (after the fused activation); Backward
/// takes the loss gradient at the output, adds the parameter gradients into the layer's gradient
/// arrays and, when <paramref name="dx"/> is not empty, writes the gradient at the input.
/// </summary>
public interface ILayer
{
    FeatureShape Input { get; }
    FeatureShape Output { get; }

    /// <summary>Trainable arrays (weights then bias), empty for parameter-free layers.</summary>
    IReadOnlyList<double[]> Parameters { get; }

    /// <summary>Gradient arrays matching <see cref="Parameters"/>.</summary>
    IReadOnlyList<double[]> Gradients { get; }

    void Forward(ReadOnlySpan<double> x, Span<double> y);

    void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> dy, Span<double> dx);
}
