using Google.FlatBuffers;
using Rig.Model.Graph;
using S = Rig.Model.Tflite.TfliteSchema;

namespace Rig.Model.Tflite;

/// <summary>
/// Writes a <see cref="ModelGraph"/> as a .tflite flatbuffer (schema version 3, identifier "TFL3") that TFLite's
/// interpreter loads: one subgraph, buffer 0 empty, one buffer per constant tensor (16-byte aligned), operator
/// codes with the versions TFLite's converter gives int8 ops. Scales are stored as float32, as the schema has
/// them; <see cref="TfliteReader"/> reads back the same graph with each scale rounded to float32
/// (<see cref="RoundScalesToFloat32"/> gives that graph without the bytes).
/// </summary>
public static class TfliteWriter
{
    public static void WriteFile(ModelGraph graph, string path)
    {
        var bytes = Write(graph);
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        File.WriteAllBytes(path, bytes);
    }

    public static byte[] Write(ModelGraph graph) => Write(graph, TfliteCodes.Of);

    /// <summary>As <see cref="Write(ModelGraph)"/> with the schema codes of tensor types and operators chosen by <paramref name="codes"/>: how tests make the float and unsupported-op files the reader must refuse.</summary>
    internal static byte[] Write(ModelGraph graph, TfliteCodes codes)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var b = new FlatBufferBuilder(1024 + graph.Tensors.Sum(t => t.Data?.Length ?? 0));

        // Buffer 0 is TFLite's empty sentinel; constants get 1, 2, ... in tensor order.
        var bufferOfTensor = new int[graph.Tensors.Count];
        var buffers = new List<Offset<byte>> { EmptyBuffer(b) };
        foreach (var t in graph.Tensors)
        {
            if (t.Data is not { } data) continue;
            bufferOfTensor[t.Id] = buffers.Count;
            buffers.Add(DataBuffer(b, data.Span));
        }

        var tensors = graph.Tensors.Select(t => WriteTensor(b, t, bufferOfTensor[t.Id], codes.TensorType(t))).ToArray();

        var kinds = graph.Operators.Select(o => o.Kind).Distinct().ToList();
        var operators = graph.Operators.Select(o => WriteOperator(b, o, kinds.IndexOf(o.Kind), graph)).ToArray();

        var subgraph = WriteSubGraph(b, graph, tensors, operators);
        var operatorCodes = kinds.Select(k => WriteOperatorCode(b, k, codes.Operator(k))).ToArray();

        var codesVector = TableVector(b, operatorCodes);
        var subgraphsVector = TableVector(b, [subgraph]);
        var description = b.CreateString("rig");
        var buffersVector = TableVector(b, [.. buffers]);
        b.StartTable(S.Model.FieldCount);
        b.AddUint(S.Model.VersionField, S.Version, 0);
        b.AddOffset(S.Model.OperatorCodes, codesVector.Value, 0);
        b.AddOffset(S.Model.Subgraphs, subgraphsVector.Value, 0);
        b.AddOffset(S.Model.Description, description.Value, 0);
        b.AddOffset(S.Model.Buffers, buffersVector.Value, 0);
        b.Finish(b.EndTable(), S.FileIdentifier);
        return b.SizedByteArray();
    }

    /// <summary>The graph as it reads back from its .tflite: every scale rounded to float32, nothing else changed.</summary>
    public static ModelGraph RoundScalesToFloat32(ModelGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph with
        {
            Tensors = [.. graph.Tensors.Select(t => t.Quantization is { } q ? t with { Quantization = q with { Scales = [.. q.Scales.Select(s => (double)(float)s)] } } : t)],
        };
    }

    private static Offset<byte> EmptyBuffer(FlatBufferBuilder b)
    {
        b.StartTable(S.Buffer.FieldCount);
        return new Offset<byte>(b.EndTable());
    }

    private static Offset<byte> DataBuffer(FlatBufferBuilder b, ReadOnlySpan<byte> data)
    {
        b.StartVector(1, data.Length, S.Buffer.DataAlignment);
        for (var i = data.Length - 1; i >= 0; i--) b.AddByte(data[i]);
        var vector = b.EndVector();
        b.StartTable(S.Buffer.FieldCount);
        b.AddOffset(S.Buffer.Data, vector.Value, 0);
        return new Offset<byte>(b.EndTable());
    }

    private static Offset<byte> WriteTensor(FlatBufferBuilder b, GraphTensor t, int buffer, int typeCode)
    {
        var shape = IntVector(b, t.Shape);
        var name = b.CreateString(t.Name);
        var quantization = t.Quantization is { } q ? WriteQuantization(b, q) : default;
        b.StartTable(S.Tensor.FieldCount);
        b.AddOffset(S.Tensor.Shape, shape.Value, 0);
        b.AddSbyte(S.Tensor.Type, (sbyte)typeCode, 0);
        b.AddUint(S.Tensor.Buffer, (uint)buffer, 0);
        b.AddOffset(S.Tensor.Name, name.Value, 0);
        if (t.Quantization is not null) b.AddOffset(S.Tensor.Quantization, quantization.Value, 0);
        return new Offset<byte>(b.EndTable());
    }

    private static Offset<byte> WriteQuantization(FlatBufferBuilder b, Quantization q)
    {
        b.StartVector(4, q.Scales.Count, 4);
        for (var i = q.Scales.Count - 1; i >= 0; i--) b.AddFloat((float)q.Scales[i]);
        var scales = b.EndVector();
        b.StartVector(8, q.ZeroPoints.Count, 8);
        for (var i = q.ZeroPoints.Count - 1; i >= 0; i--) b.AddLong(q.ZeroPoints[i]);
        var zeroPoints = b.EndVector();
        b.StartTable(S.Quantization.FieldCount);
        b.AddOffset(S.Quantization.Scale, scales.Value, 0);
        b.AddOffset(S.Quantization.ZeroPoint, zeroPoints.Value, 0);
        b.AddInt(S.Quantization.QuantizedDimension, q.QuantizedDimension, 0);
        return new Offset<byte>(b.EndTable());
    }

    private static Offset<byte> WriteOperator(FlatBufferBuilder b, GraphOperator op, int opcodeIndex, ModelGraph graph)
    {
        var inputs = IntVector(b, op.Inputs);
        var outputs = IntVector(b, op.Outputs);
        var options = WriteOptions(b, op, graph);
        b.StartTable(S.Operator.FieldCount);
        b.AddUint(S.Operator.OpcodeIndex, (uint)opcodeIndex, 0);
        b.AddOffset(S.Operator.Inputs, inputs.Value, 0);
        b.AddOffset(S.Operator.Outputs, outputs.Value, 0);
        b.AddByte(S.Operator.BuiltinOptionsType, TfliteOptionsReader.ExpectedType(op.Kind), 0);
        b.AddOffset(S.Operator.BuiltinOptions, options, 0);
        return new Offset<byte>(b.EndTable());
    }

    private static int WriteOptions(FlatBufferBuilder b, GraphOperator op, ModelGraph graph)
    {
        var o = op.Options;
        switch (op.Kind)
        {
            case OperatorKind.Conv2D:
                b.StartTable(S.Conv2DOptions.FieldCount);
                b.AddSbyte(S.Conv2DOptions.Padding, (sbyte)o.Padding, 0);
                b.AddInt(S.Conv2DOptions.StrideW, o.StrideWidth, 0);
                b.AddInt(S.Conv2DOptions.StrideH, o.StrideHeight, 0);
                b.AddSbyte(S.Conv2DOptions.Activation, (sbyte)o.Activation, 0);
                b.AddInt(S.Conv2DOptions.DilationW, o.DilationWidth, 1);
                b.AddInt(S.Conv2DOptions.DilationH, o.DilationHeight, 1);
                return b.EndTable();
            case OperatorKind.DepthwiseConv2D:
                b.StartTable(S.DepthwiseConv2DOptions.FieldCount);
                b.AddSbyte(S.DepthwiseConv2DOptions.Padding, (sbyte)o.Padding, 0);
                b.AddInt(S.DepthwiseConv2DOptions.StrideW, o.StrideWidth, 0);
                b.AddInt(S.DepthwiseConv2DOptions.StrideH, o.StrideHeight, 0);
                b.AddInt(S.DepthwiseConv2DOptions.DepthMultiplier, o.DepthMultiplier, 0);
                b.AddSbyte(S.DepthwiseConv2DOptions.Activation, (sbyte)o.Activation, 0);
                b.AddInt(S.DepthwiseConv2DOptions.DilationW, o.DilationWidth, 1);
                b.AddInt(S.DepthwiseConv2DOptions.DilationH, o.DilationHeight, 1);
                return b.EndTable();
            case OperatorKind.AveragePool2D or OperatorKind.MaxPool2D:
                b.StartTable(S.Pool2DOptions.FieldCount);
                b.AddSbyte(S.Pool2DOptions.Padding, (sbyte)o.Padding, 0);
                b.AddInt(S.Pool2DOptions.StrideW, o.StrideWidth, 0);
                b.AddInt(S.Pool2DOptions.StrideH, o.StrideHeight, 0);
                b.AddInt(S.Pool2DOptions.FilterWidth, o.FilterWidth, 0);
                b.AddInt(S.Pool2DOptions.FilterHeight, o.FilterHeight, 0);
                b.AddSbyte(S.Pool2DOptions.Activation, (sbyte)o.Activation, 0);
                return b.EndTable();
            case OperatorKind.FullyConnected:
                b.StartTable(S.FullyConnectedOptions.FieldCount);
                b.AddSbyte(S.FullyConnectedOptions.Activation, (sbyte)o.Activation, 0);
                return b.EndTable();
            case OperatorKind.Softmax:
                b.StartTable(S.SoftmaxOptions.FieldCount);
                b.AddFloat(S.SoftmaxOptions.Beta, (float)o.SoftmaxBeta, 0);
                return b.EndTable();
            case OperatorKind.Reshape:
                // TFLite takes the shape from the optional second input, else from new_shape: the output's shape.
                var newShape = IntVector(b, graph.Tensors[op.Outputs[0]].Shape);
                b.StartTable(S.ReshapeOptions.FieldCount);
                b.AddOffset(S.ReshapeOptions.NewShape, newShape.Value, 0);
                return b.EndTable();
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op.Kind, $"operator {op.Index}: not a TFLite builtin the rig writes");
        }
    }

    private static Offset<byte> WriteSubGraph(FlatBufferBuilder b, ModelGraph graph, Offset<byte>[] tensors, Offset<byte>[] operators)
    {
        var tensorsVector = TableVector(b, tensors);
        var inputs = IntVector(b, graph.Inputs);
        var outputs = IntVector(b, graph.Outputs);
        var operatorsVector = TableVector(b, operators);
        var name = b.CreateString(graph.Name);
        b.StartTable(S.SubGraph.FieldCount);
        b.AddOffset(S.SubGraph.Tensors, tensorsVector.Value, 0);
        b.AddOffset(S.SubGraph.Inputs, inputs.Value, 0);
        b.AddOffset(S.SubGraph.Outputs, outputs.Value, 0);
        b.AddOffset(S.SubGraph.Operators, operatorsVector.Value, 0);
        b.AddOffset(S.SubGraph.Name, name.Value, 0);
        return new Offset<byte>(b.EndTable());
    }

    private static Offset<byte> WriteOperatorCode(FlatBufferBuilder b, OperatorKind kind, int code)
    {
        b.StartTable(S.OperatorCode.FieldCount);
        // Codes below 127 go in both fields, as TFLite's converter writes them, so old and new readers agree.
        b.AddSbyte(S.OperatorCode.DeprecatedBuiltinCode, (sbyte)Math.Min(code, S.OperatorCode.PlaceholderForGreaterOpCodes), 0);
        b.AddInt(S.OperatorCode.VersionField, S.Int8Version(kind), 1);
        b.AddInt(S.OperatorCode.BuiltinCode, code, 0);
        return new Offset<byte>(b.EndTable());
    }

    private static VectorOffset IntVector(FlatBufferBuilder b, IReadOnlyList<int> values)
    {
        b.StartVector(4, values.Count, 4);
        for (var i = values.Count - 1; i >= 0; i--) b.AddInt(values[i]);
        return b.EndVector();
    }

    private static VectorOffset TableVector(FlatBufferBuilder b, Offset<byte>[] tables)
    {
        b.StartVector(4, tables.Length, 4);
        for (var i = tables.Length - 1; i >= 0; i--) b.AddOffset(tables[i].Value);
        return b.EndVector();
    }
}
