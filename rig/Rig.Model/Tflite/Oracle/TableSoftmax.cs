namespace Rig.Model.Tflite.Oracle;

/// <summary>
/// TFLite's int8 SOFTMAX as its interpreter runs it (the optimised kernel, not the reference one that TFLite Micro, the
/// firmware and the golden twin run): exp(x - max) from a 256-entry float table of expf(-input_scale * beta * d),
/// summed in float, each term times 1 / (sum * output_scale), rounded half away from zero, plus the output zero
/// point, clamped to int8. The reference kernel computes the same in Q5.26 / Q0.31 fixed point, so the two can land a
/// value 1 LSB apart; this model says which of TFLite's values its own arithmetic explains.
/// </summary>
public static class TableSoftmax
{
    public static sbyte[] Run(float inputScale, float beta, float outputScale, int outputZeroPoint, int depth, ReadOnlySpan<sbyte> input)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var table = new float[256];
        var scale = -inputScale * beta;
        for (var d = 0; d <= 255; d++) table[255 - d] = MathF.Exp(scale * d);
        var output = new sbyte[input.Length];
        for (var row = 0; row + depth <= input.Length; row += depth)
        {
            var x = input.Slice(row, depth);
            int max = sbyte.MinValue;
            foreach (var v in x) max = Math.Max(max, v);
            // table[offset + v] = expf(-scale * (max - v)).
            var offset = 255 - max;
            var sum = 0f;
            foreach (var v in x) sum += table[offset + v];
            var inverse = 1.0f / (sum * outputScale);
            for (var j = 0; j < depth; j++)
            {
                var q = (int)MathF.Round(table[offset + x[j]] * inverse, MidpointRounding.AwayFromZero) + outputZeroPoint;
                output[row + j] = (sbyte)Math.Clamp(q, sbyte.MinValue, sbyte.MaxValue);
            }
        }
        return output;
    }
}
