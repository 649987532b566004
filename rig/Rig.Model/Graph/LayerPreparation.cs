using System.Buffers.Binary;

namespace Rig.Model.Graph;

/// <summary>
/// Turns one operator of a <see cref="ModelGraph"/> into a <see cref="PreparedLayer"/> the way TFLite's
/// Prepare steps do: output size and padding (ComputeOutSize, ComputePadding), multipliers from the float32
/// scales (PopulateConvolutionQuantizationParams, GetQuantizedConvolutionMultipler), activation clamps
/// (CalculateActivationRangeQuantized) and softmax scaling (PreprocessSoftmaxScaling, CalculateInputRadius).
/// A graph the kernels cannot run is refused with the operator's index and the reason.
/// </summary>
public static class LayerPreparation
{
    /// <summary>gemmlowp's Q5.26 input of exp() in TFLite's int8 softmax.</summary>
    public const int SoftmaxScaledDiffIntegerBits = 5;

    public static PreparedLayer Prepare(ModelGraph graph, GraphOperator op)
    {
        if (op.Inputs.Count < 1 || op.Outputs.Count != 1)
            throw Bad(op, $"needs at least one input and exactly one output, has {op.Inputs.Count} and {op.Outputs.Count}");
        var input = Tensor(graph, op, op.Inputs[0], "input");
        var output = Tensor(graph, op, op.Outputs[0], "output");
        RequireInt8Activation(op, input, "input");
        RequireInt8Activation(op, output, "output");
        return op.Kind switch
        {
            OperatorKind.Conv2D or OperatorKind.DepthwiseConv2D => Convolution(graph, op, input, output),
            OperatorKind.FullyConnected => FullyConnected(graph, op, input, output),
            OperatorKind.AveragePool2D or OperatorKind.MaxPool2D => Pool(op, input, output),
            OperatorKind.Softmax => Softmax(op, input, output),
            OperatorKind.Reshape => Reshape(op, input, output),
            _ => throw Bad(op, "is not an operator the rig's kernels implement"),
        };
    }

    /// <summary>TFLite's ComputeOutSize.</summary>
    public static int OutSize(Padding padding, int inSize, int filterSize, int stride, int dilation)
    {
        var effective = (filterSize - 1) * dilation + 1;
        return padding == Padding.Same ? (inSize + stride - 1) / stride : (inSize + stride - effective) / stride;
    }

    /// <summary>TFLite's ComputePadding (top/left; the reference kernels ignore the odd extra pixel).</summary>
    public static int PadOf(int stride, int dilation, int inSize, int filterSize, int outSize)
    {
        var effective = (filterSize - 1) * dilation + 1;
        var padding = ((outSize - 1) * stride + effective - inSize) / 2;
        return padding > 0 ? padding : 0;
    }

    /// <summary>TFLite's CalculateActivationRangeQuantized for int8, in float arithmetic as TFLite does it.</summary>
    public static (int Min, int Max) ActivationRange(FusedActivation activation, float scale, int zeroPoint)
    {
        int Quantize(float f) => zeroPoint + (int)MathF.Round(f / scale, MidpointRounding.AwayFromZero);
        return activation switch
        {
            FusedActivation.None => (sbyte.MinValue, sbyte.MaxValue),
            FusedActivation.Relu => (Math.Max(sbyte.MinValue, Quantize(0f)), sbyte.MaxValue),
            FusedActivation.Relu6 => (Math.Max(sbyte.MinValue, Quantize(0f)), Math.Min(sbyte.MaxValue, Quantize(6f))),
            _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unsupported fused activation"),
        };
    }

    private static PreparedLayer Convolution(ModelGraph graph, GraphOperator op, GraphTensor input, GraphTensor output)
    {
        var depthwise = op.Kind == OperatorKind.DepthwiseConv2D;
        if (op.Inputs.Count < 2) throw Bad(op, "needs a filter tensor (input 1)");
        var filter = Tensor(graph, op, op.Inputs[1], "filter");
        var (inH, inW, inC) = Image(op, input, "input");
        var (outH, outW, outC) = Image(op, output, "output");
        if (filter.Shape.Count != 4) throw Bad(op, $"filter shape [{string.Join(", ", filter.Shape)}] is not 4-D");
        var kh = filter.Shape[1];
        var kw = filter.Shape[2];
        var weights = Int8Constant(op, filter, "filter");
        int depthMultiplier = 1;
        if (depthwise)
        {
            if (filter.Shape[0] != 1 || filter.Shape[3] != outC) throw Bad(op, $"depthwise filter shape [{string.Join(", ", filter.Shape)}] is not [1, kh, kw, {outC}]");
            if (outC % inC != 0) throw Bad(op, $"output depth {outC} is not a multiple of the input depth {inC}");
            depthMultiplier = outC / inC;
        }
        else if (filter.Shape[0] != outC || filter.Shape[3] != inC)
        {
            throw Bad(op, $"filter shape [{string.Join(", ", filter.Shape)}] is not [{outC}, kh, kw, {inC}]");
        }
        var o = op.Options;
        if (o.StrideHeight < 1 || o.StrideWidth < 1 || o.DilationHeight < 1 || o.DilationWidth < 1)
            throw Bad(op, "strides and dilations must be at least 1");
        var expectH = OutSize(o.Padding, inH, kh, o.StrideHeight, o.DilationHeight);
        var expectW = OutSize(o.Padding, inW, kw, o.StrideWidth, o.DilationWidth);
        if (expectH != outH || expectW != outW)
            throw Bad(op, $"output is {outH}x{outW}, {o.Padding} padding of a {inH}x{inW} input gives {expectH}x{expectW}");
        var inQ = PerTensor(op, input, "input");
        var outQ = PerTensor(op, output, "output");
        var filterScales = ChannelScales(op, filter, outC, depthwise ? 3 : 0);
        var pairs = filterScales.Select(s => QuantizedMultiplier.From((double)inQ.Scale * s / outQ.Scale)).ToArray();
        var (actMin, actMax) = ActivationRange(o.Activation, outQ.Scale, outQ.ZeroPoint);
        return new PreparedLayer
        {
            OperatorIndex = op.Index,
            Kind = op.Kind,
            InputTensor = input.Id,
            OutputTensor = output.Id,
            InH = inH, InW = inW, InC = inC,
            OutH = outH, OutW = outW, OutC = outC,
            FilterH = kh, FilterW = kw,
            StrideH = o.StrideHeight, StrideW = o.StrideWidth,
            DilationH = o.DilationHeight, DilationW = o.DilationWidth,
            PadH = PadOf(o.StrideHeight, o.DilationHeight, inH, kh, outH),
            PadW = PadOf(o.StrideWidth, o.DilationWidth, inW, kw, outW),
            DepthMultiplier = depthMultiplier,
            InputOffset = -inQ.ZeroPoint,
            OutputOffset = outQ.ZeroPoint,
            ActMin = actMin, ActMax = actMax,
            Filter = weights,
            Bias = Bias(graph, op, outC),
            Multipliers = pairs.Select(p => p.Multiplier).ToArray(),
            Shifts = pairs.Select(p => p.Shift).ToArray(),
        };
    }

    private static PreparedLayer FullyConnected(ModelGraph graph, GraphOperator op, GraphTensor input, GraphTensor output)
    {
        if (op.Inputs.Count < 2) throw Bad(op, "needs a filter tensor (input 1)");
        var filter = Tensor(graph, op, op.Inputs[1], "filter");
        if (filter.Shape.Count != 2) throw Bad(op, $"filter shape [{string.Join(", ", filter.Shape)}] is not [units, depth]");
        var (units, depth) = (filter.Shape[0], filter.Shape[1]);
        if (input.ElementCount != depth) throw Bad(op, $"input has {input.ElementCount} values, the filter's depth is {depth} (batch 1 only)");
        if (output.ElementCount != units) throw Bad(op, $"output has {output.ElementCount} values, the filter has {units} units");
        var weights = Int8Constant(op, filter, "filter");
        var inQ = PerTensor(op, input, "input");
        var outQ = PerTensor(op, output, "output");
        var fq = filter.Quantization ?? throw Bad(op, "filter has no quantisation");
        QuantizedMultiplier[] pairs;
        int filterZero = 0;
        if (fq.IsPerChannel)
        {
            // Per-channel FULLY_CONNECTED follows the convolution's rule (double product of the float32 scales).
            pairs = ChannelScales(op, filter, units, 0).Select(s => QuantizedMultiplier.From((double)inQ.Scale * s / outQ.Scale)).ToArray();
        }
        else
        {
            var fs = (float)fq.Scales[0];
            filterZero = (int)fq.ZeroPoints[0];
            // GetQuantizedConvolutionMultipler: the input and filter scales are multiplied in float32 first.
            var single = QuantizedMultiplier.From((double)(inQ.Scale * fs) / outQ.Scale);
            pairs = Enumerable.Repeat(single, units).ToArray();
        }
        var (actMin, actMax) = ActivationRange(op.Options.Activation, outQ.Scale, outQ.ZeroPoint);
        return new PreparedLayer
        {
            OperatorIndex = op.Index,
            Kind = op.Kind,
            InputTensor = input.Id,
            OutputTensor = output.Id,
            InH = 1, InW = 1, InC = depth,
            OutH = 1, OutW = 1, OutC = units,
            InputOffset = -inQ.ZeroPoint,
            FilterOffset = -filterZero,
            OutputOffset = outQ.ZeroPoint,
            ActMin = actMin, ActMax = actMax,
            Filter = weights,
            Bias = Bias(graph, op, units),
            Multipliers = pairs.Select(p => p.Multiplier).ToArray(),
            Shifts = pairs.Select(p => p.Shift).ToArray(),
        };
    }

    private static PreparedLayer Pool(GraphOperator op, GraphTensor input, GraphTensor output)
    {
        var (inH, inW, inC) = Image(op, input, "input");
        var (outH, outW, outC) = Image(op, output, "output");
        var o = op.Options;
        if (o.FilterHeight < 1 || o.FilterWidth < 1) throw Bad(op, $"pool window {o.FilterHeight}x{o.FilterWidth} must be at least 1x1");
        if (o.StrideHeight < 1 || o.StrideWidth < 1) throw Bad(op, "strides must be at least 1");
        if (inC != outC) throw Bad(op, $"output depth {outC} differs from the input depth {inC}");
        var inQ = PerTensor(op, input, "input");
        var outQ = PerTensor(op, output, "output");
        if (inQ != outQ) throw Bad(op, $"output quantisation (scale {outQ.Scale}, zero point {outQ.ZeroPoint}) differs from the input's (scale {inQ.Scale}, zero point {inQ.ZeroPoint}), as TFLite's int8 pools require");
        var expectH = OutSize(o.Padding, inH, o.FilterHeight, o.StrideHeight, 1);
        var expectW = OutSize(o.Padding, inW, o.FilterWidth, o.StrideWidth, 1);
        if (expectH != outH || expectW != outW)
            throw Bad(op, $"output is {outH}x{outW}, {o.Padding} padding of a {inH}x{inW} input gives {expectH}x{expectW}");
        var (actMin, actMax) = ActivationRange(o.Activation, outQ.Scale, outQ.ZeroPoint);
        return new PreparedLayer
        {
            OperatorIndex = op.Index,
            Kind = op.Kind,
            InputTensor = input.Id,
            OutputTensor = output.Id,
            InH = inH, InW = inW, InC = inC,
            OutH = outH, OutW = outW, OutC = outC,
            FilterH = o.FilterHeight, FilterW = o.FilterWidth,
            StrideH = o.StrideHeight, StrideW = o.StrideWidth,
            PadH = PadOf(o.StrideHeight, 1, inH, o.FilterHeight, outH),
            PadW = PadOf(o.StrideWidth, 1, inW, o.FilterWidth, outW),
            ActMin = actMin, ActMax = actMax,
        };
    }

    private static PreparedLayer Softmax(GraphOperator op, GraphTensor input, GraphTensor output)
    {
        if (!input.Shape.SequenceEqual(output.Shape)) throw Bad(op, "output shape differs from the input's");
        var inQ = PerTensor(op, input, "input");
        var outQ = PerTensor(op, output, "output");
        if (outQ.Scale != 1f / 256 || outQ.ZeroPoint != -128)
            throw Bad(op, $"output quantisation (scale {outQ.Scale}, zero point {outQ.ZeroPoint}) must be 1/256 and -128 (TFLite's int8 softmax)");
        var depth = input.Shape[^1];
        var beta = (float)op.Options.SoftmaxBeta;
        // PreprocessSoftmaxScaling (double rounding build): Q5.26 from the input scale and beta, capped below 2^31.
        var real = Math.Min((double)beta * inQ.Scale * (1L << (31 - SoftmaxScaledDiffIntegerBits)), (1L << 31) - 1.0);
        if (!(real > 1.0)) throw Bad(op, $"beta {beta} times input scale {inQ.Scale} is too small for TFLite's int8 softmax (multiplier {real} must exceed 1)");
        var pair = QuantizedMultiplier.From(real);
        // CalculateInputRadius(5, left shift): the largest input difference whose scaled value still fits.
        var radius = Math.Floor(((1 << SoftmaxScaledDiffIntegerBits) - 1) * (double)(1L << (31 - SoftmaxScaledDiffIntegerBits)) / (1L << pair.Shift));
        return new PreparedLayer
        {
            OperatorIndex = op.Index,
            Kind = op.Kind,
            InputTensor = input.Id,
            OutputTensor = output.Id,
            InH = 1, InW = input.ElementCount / depth, InC = depth,
            OutH = 1, OutW = input.ElementCount / depth, OutC = depth,
            InputOffset = -inQ.ZeroPoint,
            OutputOffset = outQ.ZeroPoint,
            SoftmaxMultiplier = pair.Multiplier,
            SoftmaxLeftShift = pair.Shift,
            SoftmaxDiffMin = -(int)radius,
        };
    }

    private static PreparedLayer Reshape(GraphOperator op, GraphTensor input, GraphTensor output)
    {
        if (input.ElementCount != output.ElementCount) throw Bad(op, $"output has {output.ElementCount} values, the input {input.ElementCount}");
        var inQ = PerTensor(op, input, "input");
        var outQ = PerTensor(op, output, "output");
        if (inQ != outQ) throw Bad(op, "a reshape cannot change the quantisation");
        return new PreparedLayer
        {
            OperatorIndex = op.Index,
            Kind = op.Kind,
            InputTensor = input.Id,
            OutputTensor = output.Id,
            InH = 1, InW = 1, InC = input.ElementCount,
            OutH = 1, OutW = 1, OutC = output.ElementCount,
        };
    }

    private readonly record struct TensorQuant(float Scale, int ZeroPoint);

    private static GraphTensor Tensor(ModelGraph graph, GraphOperator op, int id, string role)
    {
        if (id < 0 || id >= graph.Tensors.Count) throw Bad(op, $"{role} tensor {id} does not exist ({graph.Tensors.Count} tensors)");
        return graph.Tensors[id];
    }

    private static void RequireInt8Activation(GraphOperator op, GraphTensor t, string role)
    {
        if (t.Type != TensorType.Int8) throw Bad(op, $"{role} tensor {t.Id} '{t.Name}' is {t.Type}, the kernels run int8");
        if (t.IsConstant) throw Bad(op, $"{role} tensor {t.Id} '{t.Name}' is a constant");
    }

    private static (int H, int W, int C) Image(GraphOperator op, GraphTensor t, string role)
    {
        if (t.Shape.Count != 4 || t.Shape[0] != 1)
            throw Bad(op, $"{role} tensor {t.Id} '{t.Name}' has shape [{string.Join(", ", t.Shape)}], expected [1, h, w, c]");
        return (t.Shape[1], t.Shape[2], t.Shape[3]);
    }

    private static TensorQuant PerTensor(GraphOperator op, GraphTensor t, string role)
    {
        var q = t.Quantization;
        if (q is null || q.Scales.Count != 1 || q.ZeroPoints.Count != 1)
            throw Bad(op, $"{role} tensor {t.Id} '{t.Name}' needs one scale and one zero point");
        if (!(q.Scales[0] > 0) || !double.IsFinite(q.Scales[0])) throw Bad(op, $"{role} tensor {t.Id} '{t.Name}' has scale {q.Scales[0]}, must be positive");
        if (q.ZeroPoints[0] < sbyte.MinValue || q.ZeroPoints[0] > sbyte.MaxValue) throw Bad(op, $"{role} tensor {t.Id} '{t.Name}' has zero point {q.ZeroPoints[0]} outside int8");
        return new((float)q.Scales[0], (int)q.ZeroPoints[0]);
    }

    /// <summary>The filter's float32 scales, one per output channel; symmetric (zero points 0) as TFLite requires.</summary>
    private static float[] ChannelScales(GraphOperator op, GraphTensor filter, int channels, int dimension)
    {
        var q = filter.Quantization ?? throw Bad(op, $"filter tensor {filter.Id} has no quantisation");
        if (q.ZeroPoints.Any(z => z != 0)) throw Bad(op, $"filter tensor {filter.Id} '{filter.Name}' has a non-zero zero point (int8 filters are symmetric)");
        if (q.IsPerChannel && (q.Scales.Count != channels || q.QuantizedDimension != dimension))
            throw Bad(op, $"filter tensor {filter.Id} '{filter.Name}' has {q.Scales.Count} scales along dimension {q.QuantizedDimension}, expected {channels} along {dimension}");
        if (q.Scales.Any(s => !(s > 0) || !double.IsFinite(s))) throw Bad(op, $"filter tensor {filter.Id} '{filter.Name}' has a scale that is not positive");
        return Enumerable.Range(0, channels).Select(c => (float)q.Scales[q.IsPerChannel ? c : 0]).ToArray();
    }

    private static sbyte[] Int8Constant(GraphOperator op, GraphTensor t, string role)
    {
        if (t.Type != TensorType.Int8 || t.Data is not { } data) throw Bad(op, $"{role} tensor {t.Id} '{t.Name}' must be a constant int8 tensor");
        if (data.Length != t.ElementCount) throw Bad(op, $"{role} tensor {t.Id} '{t.Name}' has {data.Length} bytes for {t.ElementCount} values");
        var values = new sbyte[data.Length];
        for (var i = 0; i < values.Length; i++) values[i] = unchecked((sbyte)data.Span[i]);
        return values;
    }

    private static int[]? Bias(ModelGraph graph, GraphOperator op, int channels)
    {
        if (op.Inputs.Count < 3 || op.Inputs[2] < 0) return null;
        var t = Tensor(graph, op, op.Inputs[2], "bias");
        if (t.Type != TensorType.Int32 || t.Data is not { } data) throw Bad(op, $"bias tensor {t.Id} '{t.Name}' must be a constant int32 tensor");
        if (t.ElementCount != channels || data.Length != 4 * channels) throw Bad(op, $"bias tensor {t.Id} '{t.Name}' has {t.ElementCount} values, expected {channels}");
        var values = new int[channels];
        for (var i = 0; i < channels; i++) values[i] = BinaryPrimitives.ReadInt32LittleEndian(data.Span.Slice(4 * i, 4));
        return values;
    }

    private static InvalidDataException Bad(GraphOperator op, string reason) => new($"operator {op.Index} ({op.Kind}): {reason}");
}
