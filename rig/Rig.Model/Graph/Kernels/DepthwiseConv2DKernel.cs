namespace Rig.Model.Graph.Kernels;

/// <summary>DEPTHWISE_CONV_2D int8 per channel: TFLite's reference_integer_ops::DepthwiseConvPerChannel (batch 1).</summary>
public static class DepthwiseConv2DKernel
{
    public static void Run(PreparedLayer l, ReadOnlySpan<sbyte> input, Span<sbyte> output)
    {
        var filter = l.Filter!;
        for (var outY = 0; outY < l.OutH; outY++)
        {
            for (var outX = 0; outX < l.OutW; outX++)
            {
                for (var ic = 0; ic < l.InC; ic++)
                {
                    for (var m = 0; m < l.DepthMultiplier; m++)
                    {
                        var oc = m + ic * l.DepthMultiplier;
                        var inX0 = outX * l.StrideW - l.PadW;
                        var inY0 = outY * l.StrideH - l.PadH;
                        var acc = 0;
                        for (var fy = 0; fy < l.FilterH; fy++)
                        {
                            for (var fx = 0; fx < l.FilterW; fx++)
                            {
                                var inX = inX0 + l.DilationW * fx;
                                var inY = inY0 + l.DilationH * fy;
                                if (inX < 0 || inX >= l.InW || inY < 0 || inY >= l.InH) continue;
                                int x = input[(inY * l.InW + inX) * l.InC + ic];
                                int w = filter[(fy * l.FilterW + fx) * l.OutC + oc];
                                acc += w * (x + l.InputOffset);
                            }
                        }
                        output[(outY * l.OutW + outX) * l.OutC + oc] = OutputStage.Requantize(l, acc, oc);
                    }
                }
            }
        }
    }
}
