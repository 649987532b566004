using Rig.Model.Graph;

namespace Rig.Model.Training.Cnn;

/// <summary>
/// 2-D convolution with TFLite's layout and padding: filter [out, kh, kw, in] (OHWI), bias [out],
/// strides, SAME or VALID, optional fused ReLU. A 1x1 filter is the pointwise half of a
/// depthwise-separable block.
/// </summary>
public sealed class Conv2DLayer : ILayer
{
    private readonly int _padTop, _padLeft;

    // Every output position reads one contiguous run of the input, in the filter's own [kh, kw, in]
    // order: a 1x1 filter, or a VALID filter spanning the whole width (the DS-CNN's first conv).
    private readonly bool _contiguous;

    // Otherwise (a small filter sliding over time and bands, SAME padding) each output position's
    // patch is gathered into [kh, kw, in] order, padding as zeros, so one dot product per channel
    // does the work; the input gradient collects in the patch and is scattered back.
    private readonly double[] _patch, _patchGradient;

    public Conv2DLayer(FeatureShape input, int outChannels, int kernelH, int kernelW, int strideH, int strideW, Padding padding, bool relu)
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
        Output = new FeatureShape(oh, ow, outChannels);
        _contiguous = (kernelH == 1 && kernelW == 1 && pt == 0 && pl == 0) || (kernelW == input.Width && padding == Padding.Valid);
        _patch = new double[kernelH * kernelW * input.Channels];
        _patchGradient = new double[_patch.Length];
        Weights = new double[outChannels * kernelH * kernelW * input.Channels];
        Bias = new double[outChannels];
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

    /// <summary>He initialisation over the filter's fan-in.</summary>
    public void Initialise(SplitMix64 rng)
    {
        var s = Math.Sqrt(2.0 / (KernelH * KernelW * Input.Channels));
        for (var i = 0; i < Weights.Length; i++) Weights[i] = rng.NextGaussian() * s;
    }

    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        if (_contiguous)
        {
            ForwardContiguous(x, y);
            return;
        }
        var k = _patch.Length;
        var cout = Output.Channels;
        for (var oy = 0; oy < Output.Height; oy++)
        {
            for (var ox = 0; ox < Output.Width; ox++)
            {
                Gather(x, oy, ox);
                var outBase = (oy * Output.Width + ox) * cout;
                for (var o = 0; o < cout; o++)
                {
                    var v = Bias[o] + FloatKernels.Dot(Weights.AsSpan(o * k, k), _patch);
                    y[outBase + o] = Relu && v < 0 ? 0 : v;
                }
            }
        }
    }

    public void Backward(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> dy, Span<double> dx)
    {
        if (Relu)
            for (var i = 0; i < dy.Length; i++)
                if (y[i] <= 0) dy[i] = 0;
        if (!dx.IsEmpty) dx.Clear();
        if (_contiguous)
        {
            BackwardContiguous(x, dy, dx);
            return;
        }
        var k = _patch.Length;
        var cout = Output.Channels;
        var dw = Gradients[0];
        var db = Gradients[1];
        for (var oy = 0; oy < Output.Height; oy++)
        {
            for (var ox = 0; ox < Output.Width; ox++)
            {
                var outBase = (oy * Output.Width + ox) * cout;
                // A position whose every channel's gradient is 0 (ReLU cut them) contributes nothing: skip its gather.
                if (!dy.Slice(outBase, cout).ContainsAnyExcept(0.0)) continue;
                Gather(x, oy, ox);
                Array.Clear(_patchGradient);
                for (var o = 0; o < cout; o++)
                {
                    var g = dy[outBase + o];
                    if (g == 0) continue;
                    db[o] += g;
                    FloatKernels.AddScaled(g, _patch, dw.AsSpan(o * k, k));
                    if (!dx.IsEmpty) FloatKernels.AddScaled(g, Weights.AsSpan(o * k, k), _patchGradient);
                }
                if (!dx.IsEmpty) Scatter(dx, oy, ox);
            }
        }
    }

    /// <summary>The input patch under output (oy, ox) into <see cref="_patch"/>, [kh, kw, in], zeros where it reads padding.</summary>
    private void Gather(ReadOnlySpan<double> x, int oy, int ox)
    {
        int cin = Input.Channels, iw = Input.Width, ih = Input.Height;
        var p = 0;
        for (var ky = 0; ky < KernelH; ky++)
        {
            var iy = oy * StrideH + ky - _padTop;
            for (var kx = 0; kx < KernelW; kx++, p += cin)
            {
                var ix = ox * StrideW + kx - _padLeft;
                var dst = _patch.AsSpan(p, cin);
                if ((uint)iy < (uint)ih && (uint)ix < (uint)iw) x.Slice((iy * iw + ix) * cin, cin).CopyTo(dst);
                else dst.Clear();
            }
        }
    }

    /// <summary>Adds <see cref="_patchGradient"/> back onto the input positions of output (oy, ox); padding taps are dropped.</summary>
    private void Scatter(Span<double> dx, int oy, int ox)
    {
        int cin = Input.Channels, iw = Input.Width, ih = Input.Height;
        var p = 0;
        for (var ky = 0; ky < KernelH; ky++)
        {
            var iy = oy * StrideH + ky - _padTop;
            for (var kx = 0; kx < KernelW; kx++, p += cin)
            {
                var ix = ox * StrideW + kx - _padLeft;
                if ((uint)iy >= (uint)ih || (uint)ix >= (uint)iw) continue;
                var dxs = dx.Slice((iy * iw + ix) * cin, cin);
                for (var i = 0; i < cin; i++) dxs[i] += _patchGradient[p + i];
            }
        }
    }

    private int PatchStart(int oy, int ox) => ((oy * StrideH - _padTop) * Input.Width + ox * StrideW - _padLeft) * Input.Channels;

    private void ForwardContiguous(ReadOnlySpan<double> x, Span<double> y)
    {
        var k = KernelH * KernelW * Input.Channels;
        var cout = Output.Channels;
        for (var oy = 0; oy < Output.Height; oy++)
        {
            for (var ox = 0; ox < Output.Width; ox++)
            {
                var patch = x.Slice(PatchStart(oy, ox), k);
                var outBase = (oy * Output.Width + ox) * cout;
                for (var o = 0; o < cout; o++)
                {
                    var v = Bias[o] + FloatKernels.Dot(Weights.AsSpan(o * k, k), patch);
                    y[outBase + o] = Relu && v < 0 ? 0 : v;
                }
            }
        }
    }

    private void BackwardContiguous(ReadOnlySpan<double> x, Span<double> dy, Span<double> dx)
    {
        var k = KernelH * KernelW * Input.Channels;
        var cout = Output.Channels;
        var dw = Gradients[0];
        var db = Gradients[1];
        for (var oy = 0; oy < Output.Height; oy++)
        {
            for (var ox = 0; ox < Output.Width; ox++)
            {
                var start = PatchStart(oy, ox);
                var patch = x.Slice(start, k);
                var outBase = (oy * Output.Width + ox) * cout;
                for (var o = 0; o < cout; o++)
                {
                    var g = dy[outBase + o];
                    if (g == 0) continue;
                    db[o] += g;
                    FloatKernels.AddScaled(g, patch, dw.AsSpan(o * k, k));
                    if (!dx.IsEmpty) FloatKernels.AddScaled(g, Weights.AsSpan(o * k, k), dx.Slice(start, k));
                }
            }
        }
    }
}
