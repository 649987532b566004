using Rig.Model.Training.Cnn;

namespace Rig.Model.Training.Export;

/// <summary>
/// The int8 graph's arithmetic simulated in floating point: layers hold the dequantised int8 weights
/// and int32 biases, and every activation (the input too) is snapped to its tensor's int8 grid,
/// clamps included. It agrees with the integer kernels up to their requantisation rounding (a tie
/// or an off-by-one LSB), which is what the golden twin's GraphInterpreter settles exactly.
/// </summary>
public sealed class FakeQuantChain
{
    private readonly double[][] _buffers;

    /// <param name="ranges">ranges[0] is the input's, ranges[i + 1] the output of layers[i].</param>
    public FakeQuantChain(IReadOnlyList<ILayer> layers, IReadOnlyList<ActivationRange> ranges)
    {
        if (ranges.Count != layers.Count + 1) throw new ArgumentException($"{layers.Count} layers need {layers.Count + 1} ranges, got {ranges.Count}", nameof(ranges));
        Layers = layers;
        Ranges = ranges;
        _buffers = [new double[layers[0].Input.Size], .. layers.Select(l => new double[l.Output.Size])];
    }

    public IReadOnlyList<ILayer> Layers { get; }
    public IReadOnlyList<ActivationRange> Ranges { get; }

    /// <summary>The int8 softmax output's winner (first highest) and its Q15 scores ((q + 128) &lt;&lt; 7) for one real-valued input.</summary>
    public (int Winner, short[] Scores) Classify(ReadOnlySpan<double> input)
    {
        var x = _buffers[0];
        for (var i = 0; i < x.Length; i++) x[i] = Ranges[0].Snap(input[i]);
        for (var l = 0; l < Layers.Count; l++)
        {
            var y = _buffers[l + 1];
            Layers[l].Forward(_buffers[l], y);
            for (var i = 0; i < y.Length; i++) y[i] = Ranges[l + 1].Snap(y[i]);
        }
        var logits = _buffers[^1];
        var p = new double[logits.Length];
        FloatMlp.Softmax(logits, p);
        var scores = new short[p.Length];
        var winner = 0;
        var best = int.MinValue;
        for (var c = 0; c < p.Length; c++)
        {
            int q = ActivationRange.Softmax.Quantize(p[c]);
            scores[c] = (short)((q + 128) << 7);
            if (q > best)
            {
                best = q;
                winner = c;
            }
        }
        return (winner, scores);
    }
}
