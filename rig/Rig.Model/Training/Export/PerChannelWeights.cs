namespace Rig.Model.Training.Export;

/// <summary>
/// Symmetric per-channel int8 weights (zero point 0, [-127, 127], TFLite's scheme) and int32 biases
/// at the accumulator's scale (input scale x weight scale of the channel).
/// </summary>
public sealed record PerChannelWeights(sbyte[] Values, double[] Scales, int[] Bias, double[] BiasScales)
{
    /// <summary>
    /// <paramref name="channelOf"/> maps a weight index to its output channel (quantised dimension 0
    /// for conv and FC, the last dimension for depthwise).
    /// </summary>
    public static PerChannelWeights Quantize(double[] weights, double[] bias, double inputScale, Func<int, int> channelOf)
    {
        var channels = bias.Length;
        var max = new double[channels];
        for (var i = 0; i < weights.Length; i++) max[channelOf(i)] = Math.Max(max[channelOf(i)], Math.Abs(weights[i]));
        var scales = max.Select(m => m > 0 ? m / 127 : 1.0 / 127).ToArray();
        var q = new sbyte[weights.Length];
        for (var i = 0; i < weights.Length; i++) q[i] = (sbyte)Math.Clamp(Math.Round(weights[i] / scales[channelOf(i)]), -127, 127);
        var biasScales = scales.Select(s => s * inputScale).ToArray();
        var b = new int[channels];
        for (var c = 0; c < channels; c++) b[c] = (int)Math.Clamp(Math.Round(bias[c] / biasScales[c]), int.MinValue + 1, int.MaxValue);
        return new PerChannelWeights(q, scales, b, biasScales);
    }
}
