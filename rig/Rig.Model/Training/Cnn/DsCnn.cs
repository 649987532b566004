using Rig.Model.Graph;

namespace Rig.Model.Training.Cnn;

/// <summary>
/// The float DS-CNN: a chain of layers over one window [W, B, 1] of normalised feature columns
/// (each band centred on its training mean and divided by its standard deviation, see
/// <see cref="InputNormalisation"/>) to class logits. Holds one activation buffer per layer, so
/// one instance serves one thread.
/// </summary>
public sealed class DsCnn
{
    private readonly double[][] _activations;
    private readonly double[][] _deltas;

    public DsCnn(DsCnnArchitecture architecture, FeatureShape input, int classes, InputNormalisation normalisation)
    {
        Architecture = architecture;
        Normalisation = normalisation;
        var layers = new List<ILayer>();
        var (kernelW, strideW) = architecture.Stem == DsCnnStem.FullBand
            ? (input.Width, 1)
            : (architecture.FirstKernelWidth, architecture.FirstStrideWidth);
        var first = new Conv2DLayer(input, architecture.FirstChannels, architecture.FirstKernelHeight, kernelW,
            architecture.FirstStrideHeight, strideW, Padding.Valid, relu: true);
        layers.Add(first);
        var shape = first.Output;
        foreach (var (stride, channels) in architecture.Blocks)
        {
            // One band wide (the full-band stem), the block runs along time only.
            var dw = new DepthwiseConv2DLayer(shape, 3, Math.Min(3, shape.Width), stride, shape.Width > 1 ? stride : 1, Padding.Same, relu: true);
            var pw = new Conv2DLayer(dw.Output, channels, 1, 1, 1, 1, Padding.Same, relu: true);
            layers.Add(dw);
            layers.Add(pw);
            shape = pw.Output;
        }
        var pool = new GlobalAveragePoolLayer(shape);
        layers.Add(pool);
        layers.Add(new DenseLayer(pool.Output, classes, relu: false));
        Layers = layers;
        _activations = [new double[input.Size], .. layers.Select(l => new double[l.Output.Size])];
        _deltas = [new double[input.Size], .. layers.Select(l => new double[l.Output.Size])];
    }

    public DsCnnArchitecture Architecture { get; }
    public InputNormalisation Normalisation { get; }
    public IReadOnlyList<ILayer> Layers { get; }
    public FeatureShape Input => Layers[0].Input;
    public int Classes => Layers[^1].Output.Channels;

    /// <summary>Activation after layer i (index 0 is the normalised input, i + 1 the output of Layers[i]).</summary>
    public ReadOnlySpan<double> Activation(int i) => _activations[i];

    public IEnumerable<double[]> Parameters => Layers.SelectMany(l => l.Parameters);
    public IEnumerable<double[]> Gradients => Layers.SelectMany(l => l.Gradients);

    /// <summary>Weight arrays decay, biases do not (parameters come in weight, bias pairs).</summary>
    public bool[] DecayMask => Layers.SelectMany(l => l.Parameters.Select((_, i) => i == 0)).ToArray();

    public void Initialise(SplitMix64 rng)
    {
        foreach (var layer in Layers)
        {
            switch (layer)
            {
                case Conv2DLayer c: c.Initialise(rng); break;
                case DepthwiseConv2DLayer d: d.Initialise(rng); break;
                case DenseLayer f: f.Initialise(rng); break;
            }
        }
    }

    /// <summary>Runs the normalised window <paramref name="x"/> and returns the logits (valid until the next call).</summary>
    public ReadOnlySpan<double> Forward(ReadOnlySpan<double> x, Action<int, double[]>? afterLayer = null)
    {
        x.CopyTo(_activations[0]);
        afterLayer?.Invoke(0, _activations[0]);
        for (var i = 0; i < Layers.Count; i++)
        {
            Layers[i].Forward(_activations[i], _activations[i + 1]);
            afterLayer?.Invoke(i + 1, _activations[i + 1]);
        }
        return _activations[^1];
    }

    /// <summary>Back-propagates dLoss/dlogits through the last <see cref="Forward"/>, adding into every layer's gradients.</summary>
    public void Backward(ReadOnlySpan<double> dLogits)
    {
        dLogits.CopyTo(_deltas[^1]);
        for (var i = Layers.Count - 1; i >= 0; i--)
            Layers[i].Backward(_activations[i], _activations[i + 1], _deltas[i + 1], i == 0 ? Span<double>.Empty : _deltas[i]);
    }

    public void ClearGradients()
    {
        foreach (var g in Gradients) Array.Clear(g);
    }
}
