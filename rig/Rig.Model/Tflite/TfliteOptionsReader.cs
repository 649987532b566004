using Rig.Model.Graph;
using S = Rig.Model.Tflite.TfliteSchema;

namespace Rig.Model.Tflite;

/// <summary>
/// An operator's builtin_options table into <see cref="OperatorOptions"/>: the union member must be the one
/// the op takes (or absent: schema defaults), and only values the rig's kernels implement are accepted.
/// </summary>
internal static class TfliteOptionsReader
{
    public static OperatorOptions Read(FlatTable op, OperatorKind kind, string owner)
    {
        var view = op.View;
        var expected = ExpectedType(kind);
        var type = op.UInt8(S.Operator.BuiltinOptionsType, "builtin_options_type");
        var table = op.Table(S.Operator.BuiltinOptions, "builtin_options");
        if (type != 0 && type != expected)
            throw view.Fault(op.Position, $"{owner}: builtin_options of union type {type}, the op takes type {expected}");
        if (type == 0 || table is not { } t)
        {
            // Without options TFLite's parser leaves zero strides and a zero softmax beta, which no kernel runs with.
            if (kind is not (OperatorKind.FullyConnected or OperatorKind.Reshape))
                throw view.Fault(op.Position, $"{owner}: no builtin_options (its strides, padding or beta are needed)");
            return OperatorOptions.None;
        }

        OperatorOptions options = kind switch
        {
            OperatorKind.Conv2D => new OperatorOptions
            {
                Padding = ReadPadding(t, S.Conv2DOptions.Padding, owner),
                StrideWidth = t.Int32(S.Conv2DOptions.StrideW, "stride_w"),
                StrideHeight = t.Int32(S.Conv2DOptions.StrideH, "stride_h"),
                Activation = ReadActivation(t, S.Conv2DOptions.Activation, owner),
                DilationWidth = t.Int32(S.Conv2DOptions.DilationW, "dilation_w_factor", 1),
                DilationHeight = t.Int32(S.Conv2DOptions.DilationH, "dilation_h_factor", 1),
            },
            OperatorKind.DepthwiseConv2D => new OperatorOptions
            {
                Padding = ReadPadding(t, S.DepthwiseConv2DOptions.Padding, owner),
                StrideWidth = t.Int32(S.DepthwiseConv2DOptions.StrideW, "stride_w"),
                StrideHeight = t.Int32(S.DepthwiseConv2DOptions.StrideH, "stride_h"),
                DepthMultiplier = t.Int32(S.DepthwiseConv2DOptions.DepthMultiplier, "depth_multiplier"),
                Activation = ReadActivation(t, S.DepthwiseConv2DOptions.Activation, owner),
                DilationWidth = t.Int32(S.DepthwiseConv2DOptions.DilationW, "dilation_w_factor", 1),
                DilationHeight = t.Int32(S.DepthwiseConv2DOptions.DilationH, "dilation_h_factor", 1),
            },
            OperatorKind.AveragePool2D or OperatorKind.MaxPool2D => new OperatorOptions
            {
                Padding = ReadPadding(t, S.Pool2DOptions.Padding, owner),
                StrideWidth = t.Int32(S.Pool2DOptions.StrideW, "stride_w"),
                StrideHeight = t.Int32(S.Pool2DOptions.StrideH, "stride_h"),
                FilterWidth = t.Int32(S.Pool2DOptions.FilterWidth, "filter_width"),
                FilterHeight = t.Int32(S.Pool2DOptions.FilterHeight, "filter_height"),
                Activation = ReadActivation(t, S.Pool2DOptions.Activation, owner),
            },
            OperatorKind.FullyConnected => ReadFullyConnected(t, owner),
            OperatorKind.Softmax => new OperatorOptions { SoftmaxBeta = t.Float32(S.SoftmaxOptions.Beta, "beta") },
            _ => OperatorOptions.None,
        };
        Check(view, t.Position, owner, kind, options);
        return options;
    }

    public static byte ExpectedType(OperatorKind kind) => kind switch
    {
        OperatorKind.Conv2D => S.Options.Conv2D,
        OperatorKind.DepthwiseConv2D => S.Options.DepthwiseConv2D,
        OperatorKind.AveragePool2D or OperatorKind.MaxPool2D => S.Options.Pool2D,
        OperatorKind.FullyConnected => S.Options.FullyConnected,
        OperatorKind.Softmax => S.Options.Softmax,
        OperatorKind.Reshape => S.Options.Reshape,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a TFLite builtin the rig runs"),
    };

    private static OperatorOptions ReadFullyConnected(FlatTable t, string owner)
    {
        if (t.UInt8(S.FullyConnectedOptions.WeightsFormat, "weights_format") != 0)
            throw t.View.Fault(t.Position, $"{owner}: shuffled weights format; only DEFAULT is supported");
        if (t.UInt8(S.FullyConnectedOptions.KeepNumDims, "keep_num_dims") != 0)
            throw t.View.Fault(t.Position, $"{owner}: keep_num_dims; the rig's FULLY_CONNECTED outputs [batch, units]");
        return new OperatorOptions { Activation = ReadActivation(t, S.FullyConnectedOptions.Activation, owner) };
    }

    private static Padding ReadPadding(FlatTable t, int slot, string owner)
    {
        var value = t.Int8(slot, "padding");
        return value switch
        {
            0 => Padding.Same,
            1 => Padding.Valid,
            _ => throw t.View.Fault(t.Position, $"{owner}: padding {value} is neither SAME (0) nor VALID (1)"),
        };
    }

    private static FusedActivation ReadActivation(FlatTable t, int slot, string owner)
    {
        var value = t.Int8(slot, "fused_activation_function");
        return value switch
        {
            0 => FusedActivation.None,
            1 => FusedActivation.Relu,
            3 => FusedActivation.Relu6,
            2 => throw t.View.Fault(-1, $"{owner}: fused activation RELU_N1_TO_1 is not supported (NONE, RELU, RELU6 are)"),
            4 => throw t.View.Fault(-1, $"{owner}: fused activation TANH is not supported (NONE, RELU, RELU6 are)"),
            5 => throw t.View.Fault(-1, $"{owner}: fused activation SIGN_BIT is not supported (NONE, RELU, RELU6 are)"),
            _ => throw t.View.Fault(t.Position, $"{owner}: fused activation {value} is not an ActivationFunctionType"),
        };
    }

    private static void Check(FlatBufferView view, long at, string owner, OperatorKind kind, OperatorOptions o)
    {
        if (kind is OperatorKind.Conv2D or OperatorKind.DepthwiseConv2D or OperatorKind.AveragePool2D or OperatorKind.MaxPool2D)
        {
            if (o.StrideWidth < 1 || o.StrideHeight < 1) throw view.Fault(at, $"{owner}: strides {o.StrideWidth}x{o.StrideHeight}, each must be at least 1");
            if (o.DilationWidth < 1 || o.DilationHeight < 1) throw view.Fault(at, $"{owner}: dilation {o.DilationWidth}x{o.DilationHeight}, each must be at least 1");
        }
        if (kind is OperatorKind.AveragePool2D or OperatorKind.MaxPool2D && (o.FilterWidth < 1 || o.FilterHeight < 1))
            throw view.Fault(at, $"{owner}: pool window {o.FilterWidth}x{o.FilterHeight}, each must be at least 1");
        if (kind == OperatorKind.DepthwiseConv2D && o.DepthMultiplier < 1)
            throw view.Fault(at, $"{owner}: depth_multiplier {o.DepthMultiplier}, must be at least 1");
        if (kind == OperatorKind.Softmax && !(double.IsFinite(o.SoftmaxBeta) && o.SoftmaxBeta > 0))
            throw view.Fault(at, $"{owner}: softmax beta {o.SoftmaxBeta}, must be a positive number");
    }
}
