namespace Rig.Model.Tflite;

/// <summary>
/// The facts of TFLite's schema.fbs the rig reads and writes: field slots (schema order, 0-based) of the tables
/// it uses, the BuiltinOptions union members, tensor type codes and the operator versions the converter writes
/// for int8 models. Only this subset is known; anything else in a file is left unread.
/// </summary>
internal static class TfliteSchema
{
    public const string FileIdentifier = "TFL3";
    public const int Version = 3;

    public static class Model
    {
        public const int VersionField = 0, OperatorCodes = 1, Subgraphs = 2, Description = 3, Buffers = 4, FieldCount = 5;
    }

    public static class SubGraph
    {
        public const int Tensors = 0, Inputs = 1, Outputs = 2, Operators = 3, Name = 4, FieldCount = 5;
    }

    public static class Tensor
    {
        public const int Shape = 0, Type = 1, Buffer = 2, Name = 3, Quantization = 4, IsVariable = 5, Sparsity = 6, FieldCount = 7;
    }

    public static class Quantization
    {
        public const int Min = 0, Max = 1, Scale = 2, ZeroPoint = 3, DetailsType = 4, Details = 5, QuantizedDimension = 6, FieldCount = 7;
    }

    public static class Buffer
    {
        public const int Data = 0, Offset = 1, Size = 2, FieldCount = 1;

        /// <summary>schema.fbs: `data:[ubyte] (force_align: 16)`.</summary>
        public const int DataAlignment = 16;
    }

    public static class OperatorCode
    {
        public const int DeprecatedBuiltinCode = 0, CustomCode = 1, VersionField = 2, BuiltinCode = 3, FieldCount = 4;

        /// <summary>Codes from here on exist only in builtin_code; deprecated_builtin_code holds this placeholder.</summary>
        public const int PlaceholderForGreaterOpCodes = 127;
    }

    public static class Operator
    {
        public const int OpcodeIndex = 0, Inputs = 1, Outputs = 2, BuiltinOptionsType = 3, BuiltinOptions = 4, CustomOptions = 5, FieldCount = 5;
    }

    /// <summary>Members of the BuiltinOptions union (1-based, 0 = none).</summary>
    public static class Options
    {
        public const byte Conv2D = 1, DepthwiseConv2D = 2, Pool2D = 5, FullyConnected = 8, Softmax = 9, Reshape = 17;
    }

    public static class Conv2DOptions
    {
        public const int Padding = 0, StrideW = 1, StrideH = 2, Activation = 3, DilationW = 4, DilationH = 5, FieldCount = 6;
    }

    public static class DepthwiseConv2DOptions
    {
        public const int Padding = 0, StrideW = 1, StrideH = 2, DepthMultiplier = 3, Activation = 4, DilationW = 5, DilationH = 6, FieldCount = 7;
    }

    public static class Pool2DOptions
    {
        public const int Padding = 0, StrideW = 1, StrideH = 2, FilterWidth = 3, FilterHeight = 4, Activation = 5, FieldCount = 6;
    }

    public static class FullyConnectedOptions
    {
        public const int Activation = 0, WeightsFormat = 1, KeepNumDims = 2, FieldCount = 3;
    }

    public static class SoftmaxOptions
    {
        public const int Beta = 0, FieldCount = 1;
    }

    public static class ReshapeOptions
    {
        public const int NewShape = 0, FieldCount = 1;
    }

    /// <summary>TensorType codes the rig refuses by name (the ones it runs are <see cref="Graph.TensorType"/>).</summary>
    public static string TensorTypeName(int code) => code switch
    {
        0 => "FLOAT32", 1 => "FLOAT16", 2 => "INT32", 3 => "UINT8", 4 => "INT64", 5 => "STRING", 6 => "BOOL", 7 => "INT16",
        8 => "COMPLEX64", 9 => "INT8", 10 => "FLOAT64", 11 => "COMPLEX128", 12 => "UINT64", 13 => "RESOURCE", 14 => "VARIANT",
        15 => "UINT32", 16 => "UINT16", 17 => "INT4", 18 => "BFLOAT16",
        _ => $"type {code}",
    };

    public static bool IsFloat(int code) => code is 0 or 1 or 10 or 18;

    /// <summary>The operator version TFLite's converter writes for the int8 form of each op the rig runs.</summary>
    public static int Int8Version(Graph.OperatorKind kind) => kind switch
    {
        Graph.OperatorKind.Conv2D => 3,
        Graph.OperatorKind.DepthwiseConv2D => 3,
        Graph.OperatorKind.FullyConnected => 4,
        Graph.OperatorKind.AveragePool2D => 2,
        Graph.OperatorKind.MaxPool2D => 2,
        Graph.OperatorKind.Softmax => 2,
        _ => 1,
    };
}
