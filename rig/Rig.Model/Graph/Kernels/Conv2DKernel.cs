namespace Rig.Model.Graph.Kernels;

/// <summary>CONV_2D int8 per channel: TFLite's reference_integer_ops::ConvPerChannel (batch 1, no groups).</summary>
public static class Conv2DKernel
{
    public static void Run(PreparedLayer l, ReadOnlySpan<sbyte> input, Span<sbyte> output)
    {
        var filter = l.Filter!;
        for (var outY = 0; outY < l.OutH; outY++)
        {
            var inY0 = outY * l.StrideH - l.PadH;
            for (var outX = 0; outX < l.OutW; outX++)
            {
                var inX0 = outX * l.StrideW - l.PadW;
                for (var oc = 0; oc < l.OutC; oc++)
                {
                    var acc = 0;
                    for (var fy = 0; fy < l.FilterH; fy++)
                    {
                        var inY = inY0 + l.DilationH * fy;
                        for (var fx = 0; fx < l.FilterW; fx++)
                        {
                            var inX = inX0 + l.DilationW * fx;
                            if (inX < 0 || inX >= l.InW || inY < 0 || inY >= l.InH) continue;
                            for (var ic = 0; ic < l.InC; ic++)
                            {
                                int x = input[(inY * l.InW + inX) * l.InC + ic];
                                int w = filter[((oc * l.FilterH + fy) * l.FilterW + fx) * l.InC + ic];
                                acc += w * (x + l.InputOffset);
                            }
                        }
                    }
                    output[(outY * l.OutW + outX) * l.OutC + oc] = OutputStage.Requantize(l, acc, oc);
                }
            }
        }
    }
}
