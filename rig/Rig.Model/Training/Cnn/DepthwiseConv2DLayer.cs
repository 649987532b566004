using Rig.Model.Graph;

namespace Rig.Model.Training.Cnn;

/// <summary>
/// Depthwise 2-D convolution, depth multiplier 1, with TFLite's layout: filter [1, kh, kw, channels],
/// bias [channels], strides, SAME or VALID, optional fused ReLU. Each channel is filtered on its own.
/// </summary>
public sealed class DepthwiseConv2DLayer : ILayer
{
    private readonly int _padTop, _padLeft;

    public DepthwiseConv2DLayer(FeatureShape input, int kernelH, int kernelW, int strideH, int strideW, Padding padding, bool relu)
    {
        Input = input;
        KernelH = kernelH;
        KernelW = kernelW;
        StrideH = strideH;
        StrideW = strideW;
        Padding = padding;
        Relu = relu;
        var (oh, pt) = SamePadding.Of(padding, input.Height, kernelH, strideH);
        var (ow, pl) = SamePadding.Of(padding, input.Width, kernelW, strideW);
        if (oh < 1 || ow < 1) throw new ArgumentException($"a {kernelH}x{kernelW} filter does not fit the input {input}");
        _padTop = pt;
        _padLeft = pl;
        Output = new FeatureShape(oh, ow, input.Channels);
        Weights = new double[kernelH * kernelW * input.Channels];
        Bias = new double[input.Channels];
        Parameters = [Weights, Bias];
        Gradients = [new double[Weights.Length], new double[Bias.Length]];
    }

    public FeatureShape Input { get; }
    public FeatureShape Output { get; }
    public int KernelH { get; }
    public int KernelW { get; }
    public int StrideH { get; }
    public int StrideW { get; }
    public Padding Padding { get; }
    public bool Relu { get; }
    public double[] Weights { get; }
    public double[] Bias { get; }
    public IReadOnlyList<double[]> Parameters { get; }
    public IReadOnlyList<double[]> Gradients { get; }

    public void Initialise(SplitMix64 rng)
    {
        var s = Math.Sqrt(2.0 / (KernelH * KernelW));
        for (var i = 0; i < Weights.Length; i++) Weights[i] = rng.NextGaussian() * s;
    }

    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        int c = Input.Channels, iw = Input.Width, ih = Input.Height;
        var w = Weights;
        for (var oy = 0; oy < Output.Height; oy++)
        {
            for (var ox = 0; ox < Output.Width; ox++)
            {
                var ys = y.Slice((oy * Output.Width + ox) * c, c);
                Bias.CopyTo(ys);
                for (var ky = 0; ky < KernelH; ky++)
                {
                    var iy = oy * StrideH + ky - _padTop;
                    if ((uint)iy >= (uint)ih) continue;
                    for (var kx = 0; kx < KernelW; kx++)
                    {
                        var ix = ox * StrideW + kx - _padLeft;
                        if ((uint)ix >= (uint)iw) continue;
                        var xs = x.Slice((iy * iw + ix) * c, c);
                        var ws = w.AsSpan((ky * KernelW + kx) * c, c);
                        for (var k = 0; k < c; k++) ys[k] += ws[k] * xs[k];
                    }
                }
                if (Relu)
                    for (var k = 0; k < c; k++)
                        if (ys[k] < 0) ys[k] = 0;
            }
        }
    }

    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> dy, Span<double> dx)
    {
        int c = Input.Channels, iw = Input.Width, ih = Input.Height;
        var w = Weights;
        var dw = Gradients[0];
        var db = Gradients[1];
        if (Relu)
            for (var i = 0; i < dy.Length; i++)
                if (y[i] <= 0) dy[i] = 0;
        if (!dx.IsEmpty) dx.Clear();
        for (var oy = 0; oy < Output.Height; oy++)
        {
            for (var ox = 0; ox < Output.Width; ox++)
            {
                var gs = dy.Slice((oy * Output.Width + ox) * c, c);
                for (var k = 0; k < c; k++) db[k] += gs[k];
                for (var ky = 0; ky < KernelH; ky++)
                {
                    var iy = oy * StrideH + ky - _padTop;
                    if ((uint)iy >= (uint)ih) continue;
                    for (var kx = 0; kx < KernelW; kx++)
                    {
                        var ix = ox * StrideW + kx - _padLeft;
                        if ((uint)ix >= (uint)iw) continue;
                        var inBase = (iy * iw + ix) * c;
                        var xs = x.Slice(inBase, c);
                        var wBase = (ky * KernelW + kx) * c;
                        var dws = dw.AsSpan(wBase, c);
                        for (var k = 0; k < c; k++) dws[k] += gs[k] * xs[k];
                        if (dx.IsEmpty) continue;
                        var ws = w.AsSpan(wBase, c);
                        var dxs = dx.Slice(inBase, c);
                        for (var k = 0; k < c; k++) dxs[k] += gs[k] * ws[k];
                    }
                }
            }
        }
    }
}
