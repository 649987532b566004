namespace Rig.Model.Graph.Kernels;

/// <summary>AVERAGE_POOL_2D and MAX_POOL_2D int8: TFLite's reference_integer_ops pooling (batch 1; padding never counted).</summary>
public static class PoolKernels
{
    public static void Average(PreparedLayer l, ReadOnlySpan<sbyte> input, Span<sbyte> output) => Pool(l, input, output, average: true);

    public static void Max(PreparedLayer l, ReadOnlySpan<sbyte> input, Span<sbyte> output) => Pool(l, input, output, average: false);

    private static void Pool(PreparedLayer l, ReadOnlySpan<sbyte> input, Span<sbyte> output, bool average)
    {
        for (var outY = 0; outY < l.OutH; outY++)
        {
            for (var outX = 0; outX < l.OutW; outX++)
            {
                var inX0 = outX * l.StrideW - l.PadW;
                var inY0 = outY * l.StrideH - l.PadH;
                var fxStart = Math.Max(0, -inX0);
                var fxEnd = Math.Min(l.FilterW, l.InW - inX0);
                var fyStart = Math.Max(0, -inY0);
                var fyEnd = Math.Min(l.FilterH, l.InH - inY0);
                for (var c = 0; c < l.OutC; c++)
                {
                    int acc = 0, count = 0, max = sbyte.MinValue;
                    for (var fy = fyStart; fy < fyEnd; fy++)
                    {
                        for (var fx = fxStart; fx < fxEnd; fx++)
                        {
                            int v = input[((inY0 + fy) * l.InW + inX0 + fx) * l.InC + c];
                            acc += v;
                            max = Math.Max(max, v);
                            count++;
                        }
                    }
                    int value;
                    if (!average) value = max;
                    else if (count == 0) value = 0; // TFLite refuses such a window; the C twin writes the clamped 0 too
                    else value = acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
                    output[(outY * l.OutW + outX) * l.OutC + c] = (sbyte)Math.Clamp(value, l.ActMin, l.ActMax);
                }
            }
        }
    }
}
