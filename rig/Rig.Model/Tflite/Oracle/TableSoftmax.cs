namespace Rig.Model.Tflite.Oracle;

/// <summary>
/// TFLite's int8 SOFTMAX as its interpreter runs it (the optimised kernel, not the reference one that TFLite Micro, the
/// firmware and the golden twin run): exp(x - max) from a 256-entry float table of expf(-input_scale * beta * d),
/// summed in float, each term times 1 / (sum * output_scale), rounded half away from zero, plus the output zero
/// point, clamped to int8. The reference kernel computes the same in Q5.26 / Q0.31 fixed point, so the two can land a
/// value 1 LSB apart; this model says which of TFLite's values its own arithmetic explains.
/// </summary>
public sealed class TableSoftmax
{
    private readonly float[] _table = new float[256];
    private readonly float _outputScale;
    private readonly int _outputZeroPoint, _depth;

    /// <summary>The operator's parameters; the exp table is built once here, as TFLite builds it once at Prepare.</summary>
    public TableSoftmax(float inputScale, float beta, float outputScale, int outputZeroPoint, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        var scale = -inputScale * beta;
        for (var d = 0; d <= 255; d++) _table[255 - d] = MathF.Exp(scale * d);
        _outputScale = outputScale;
        _outputZeroPoint = outputZeroPoint;
        _depth = depth;
    }

    public sbyte[] Run(ReadOnlySpan<sbyte> input)
    {
        var output = new sbyte[input.Length];
        for (var row = 0; row + _depth <= input.Length; row += _depth)
        {
            var x = input.Slice(row, _depth);
            int max = sbyte.MinValue;
            foreach (var v in x) max = Math.Max(max, v);
            // _table[offset + v] = expf(-scale * (max - v)).
            var offset = 255 - max;
            var sum = 0f;
            foreach (var v in x) sum += _table[offset + v];
            var inverse = 1.0f / (sum * _outputScale);
            for (var j = 0; j < _depth; j++)
            {
                var q = (int)MathF.Round(_table[offset + x[j]] * inverse, MidpointRounding.AwayFromZero) + _outputZeroPoint;
                output[row + j] = (sbyte)Math.Clamp(q, sbyte.MinValue, sbyte.MaxValue);
            }
        }
        return output;
    }
}
