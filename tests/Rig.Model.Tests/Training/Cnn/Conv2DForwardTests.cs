using Rig.Model.Graph;
using Rig.Model.Training;
using Rig.Model.Training.Cnn;

namespace Rig.Model.Tests.Training.Cnn;

/// <summary>The convolution's forward pass against the textbook sum, on the contiguous-patch shapes (full-width VALID, 1x1) and a padded one.</summary>
public class Conv2DForwardTests
{
    [Theory]
    [InlineData(9, 5, 2, 3, 3, 5, 2, 1, Padding.Valid)]
    [InlineData(6, 1, 4, 5, 1, 1, 1, 1, Padding.Same)]
    [InlineData(6, 2, 3, 4, 1, 1, 2, 1, Padding.Same)]
    [InlineData(7, 6, 3, 4, 3, 3, 2, 2, Padding.Same)]
    public void Forward_is_the_direct_sum(int h, int w, int cin, int cout, int kh, int kw, int sh, int sw, Padding padding)
    {
        var rng = new SplitMix64(11);
        var layer = new Conv2DLayer(new FeatureShape(h, w, cin), cout, kh, kw, sh, sw, padding, relu: false);
        foreach (var p in layer.Parameters)
            for (var i = 0; i < p.Length; i++) p[i] = rng.NextGaussian();
        var x = Enumerable.Range(0, h * w * cin).Select(_ => rng.NextGaussian()).ToArray();
        var y = new double[layer.Output.Size];
        layer.Forward(x, y);
        var (_, top) = SamePadding.Of(padding, h, kh, sh);
        var (_, left) = SamePadding.Of(padding, w, kw, sw);
        var o = layer.Output;
        for (var oy = 0; oy < o.Height; oy++)
            for (var ox = 0; ox < o.Width; ox++)
                for (var c = 0; c < cout; c++)
                {
                    var sum = layer.Bias[c];
                    for (var ky = 0; ky < kh; ky++)
                        for (var kx = 0; kx < kw; kx++)
                            for (var i = 0; i < cin; i++)
                            {
                                int iy = oy * sh + ky - top, ix = ox * sw + kx - left;
                                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                                sum += layer.Weights[((c * kh + ky) * kw + kx) * cin + i] * x[(iy * w + ix) * cin + i];
                            }
                    Assert.Equal(sum, y[(oy * o.Width + ox) * cout + c], 10);
                }
    }
}
