using Rig.Model.Graph;
using S = Rig.Model.Tflite.TfliteSchema;

namespace Rig.Model.Tflite;

/// <summary>
/// Reads a .tflite flatbuffer into a <see cref="ModelGraph"/>. Safe on hostile input: every offset and length is
/// checked before it is followed (<see cref="FlatBufferView"/>), every index is checked against what it indexes,
/// and a model the rig cannot run (float tensors, an operator outside <see cref="OperatorKind"/>, options its
/// kernels lack) is refused. Every refusal is a <see cref="TfliteFormatException"/> with the byte offset or the
/// operator/tensor index and the reason.
/// </summary>
public static class TfliteReader
{
    /// <summary>Largest element count of one tensor: far beyond any board's RAM, small enough that no product overflows.</summary>
    public const int MaxTensorElements = 1 << 26;

    /// <summary>Highest tensor rank accepted (TFLite's kernels go to 6).</summary>
    public const int MaxRank = 6;

    public static ModelGraph ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }
        return Read(bytes, path);
    }

    /// <param name="source">What to call the bytes in an error (the file name).</param>
    public static ModelGraph Read(ReadOnlyMemory<byte> bytes, string source)
    {
        var view = new FlatBufferView(bytes, source);
        var model = view.Root(S.FileIdentifier);
        var version = model.UInt32(S.Model.VersionField, "version");
        if (version != S.Version) throw view.Fault(model.Position, $"schema version {version}, the rig reads version {S.Version}");

        var codes = ReadOperatorCodes(model);
        var buffers = ReadBuffers(model);
        var subgraphs = model.Vector(S.Model.Subgraphs, "subgraphs", 4);
        if (subgraphs.Count != 1)
            throw view.Fault(subgraphs.LengthAt, $"{subgraphs.Count} subgraphs; the rig runs models with exactly one (no control flow)");
        var subgraph = model.TableAt(subgraphs, 0, "subgraphs");

        var tensors = ReadTensors(subgraph, buffers);
        var operators = ReadOperators(subgraph, codes, tensors);
        var inputs = TensorIds(subgraph, S.SubGraph.Inputs, "inputs", tensors.Count, "subgraph");
        var outputs = TensorIds(subgraph, S.SubGraph.Outputs, "outputs", tensors.Count, "subgraph");
        if (inputs.Length == 0 || outputs.Length == 0)
            throw view.Fault(subgraph.Position, $"the subgraph has {inputs.Length} inputs and {outputs.Length} outputs; at least one of each is needed");
        var name = subgraph.String(S.SubGraph.Name, "name");
        return new ModelGraph(string.IsNullOrEmpty(name) ? Path.GetFileNameWithoutExtension(source) : name, tensors, operators, inputs, outputs);
    }

    private sealed record OperatorCodeEntry(int Code, string? Custom, long At);

    private static List<OperatorCodeEntry> ReadOperatorCodes(FlatTable model)
    {
        var vector = model.Vector(S.Model.OperatorCodes, "operator_codes", 4);
        var codes = new List<OperatorCodeEntry>(vector.Count);
        for (var i = 0; i < vector.Count; i++)
        {
            var t = model.TableAt(vector, i, "operator_codes");
            // TFLite's GetBuiltinCode: the larger of the two fields (old files fill only the int8 one).
            var code = Math.Max(t.Int32(S.OperatorCode.BuiltinCode, "builtin_code"), t.Int8(S.OperatorCode.DeprecatedBuiltinCode, "deprecated_builtin_code"));
            codes.Add(new OperatorCodeEntry(code, t.String(S.OperatorCode.CustomCode, "custom_code"), t.Position));
        }
        return codes;
    }

    /// <summary>Each buffer's bytes (empty for buffer 0 and for activations) and where its vector starts.</summary>
    private static List<(ReadOnlyMemory<byte> Data, long At)> ReadBuffers(FlatTable model)
    {
        var vector = model.Vector(S.Model.Buffers, "buffers", 4);
        var buffers = new List<(ReadOnlyMemory<byte>, long)>(vector.Count);
        for (var i = 0; i < vector.Count; i++)
        {
            var t = model.TableAt(vector, i, "buffers");
            if (t.Has(S.Buffer.Offset) || t.Has(S.Buffer.Size))
                throw t.View.Fault(t.Position, $"buffer {i} lives outside the flatbuffer (offset/size fields of a model over 2 GB); not supported");
            var data = t.Vector(S.Buffer.Data, "data", 1);
            buffers.Add((data.Count == 0 ? ReadOnlyMemory<byte>.Empty : t.View.Slice(data.Start, data.Count), data.LengthAt));
        }
        return buffers;
    }

    private static List<GraphTensor> ReadTensors(FlatTable subgraph, List<(ReadOnlyMemory<byte> Data, long At)> buffers)
    {
        var view = subgraph.View;
        var vector = subgraph.Vector(S.SubGraph.Tensors, "tensors", 4);
        var tensors = new List<GraphTensor>(vector.Count);
        for (var i = 0; i < vector.Count; i++)
        {
            var t = subgraph.TableAt(vector, i, "tensors");
            var name = t.String(S.Tensor.Name, "name") ?? "";
            var label = $"tensor {i} '{name}'";
            int typeCode = t.UInt8(S.Tensor.Type, "type");
            if (S.IsFloat(typeCode))
                throw view.Fault(-1, $"{label} is {S.TensorTypeName(typeCode)}: a float model; the rig runs int8 models only (convert with full-integer quantisation, int8 input and output)");
            if (typeCode is not ((int)TensorType.Int8 or (int)TensorType.Int32 or (int)TensorType.Int16))
                throw view.Fault(-1, $"{label} is {S.TensorTypeName(typeCode)}; the rig's kernels take INT8 activations and weights and INT32 biases");
            var type = (TensorType)typeCode;
            if (t.Table(S.Tensor.Sparsity, "sparsity") is not null) throw view.Fault(t.Position, $"{label} is sparse; not supported");

            var shape = t.Int32s(S.Tensor.Shape, "shape");
            CheckShape(view, t.Position, label, shape);
            var quantization = ReadQuantization(t, label, shape);
            if (type == TensorType.Int8 && quantization is null)
                throw view.Fault(t.Position, $"{label} is INT8 without quantisation parameters (scale, zero point)");

            var bufferIndex = t.UInt32(S.Tensor.Buffer, "buffer");
            if (bufferIndex >= buffers.Count) throw view.Fault(t.Position, $"{label}: buffer {bufferIndex} does not exist ({buffers.Count} buffers)");
            var (data, dataAt) = buffers[(int)bufferIndex];
            var tensor = new GraphTensor(i, name, shape, type, quantization, data.IsEmpty ? (ReadOnlyMemory<byte>?)null : data);
            if (tensor.IsConstant && data.Length != tensor.ByteCount)
                throw view.Fault(dataAt, $"{label}: buffer {bufferIndex} holds {data.Length} bytes, its shape [{string.Join(", ", shape)}] of {S.TensorTypeName(typeCode)} needs {tensor.ByteCount}");
            tensors.Add(tensor);
        }
        return tensors;
    }

    private static void CheckShape(FlatBufferView view, long at, string label, int[] shape)
    {
        if (shape.Length > MaxRank) throw view.Fault(at, $"{label}: rank {shape.Length}, at most {MaxRank}");
        long elements = 1;
        foreach (var d in shape)
        {
            if (d < 1) throw view.Fault(at, $"{label}: dimension {d} in shape [{string.Join(", ", shape)}]; every dimension must be at least 1 (no dynamic shapes)");
            elements *= d;
            if (elements > MaxTensorElements) throw view.Fault(at, $"{label}: shape [{string.Join(", ", shape)}] has more than {MaxTensorElements} elements");
        }
    }

    private static Quantization? ReadQuantization(FlatTable tensor, string label, int[] shape)
    {
        if (tensor.Table(S.Tensor.Quantization, "quantization") is not { } q) return null;
        var view = tensor.View;
        var scales = q.Float32s(S.Quantization.Scale, "scale");
        var zeroPoints = q.Int64s(S.Quantization.ZeroPoint, "zero_point");
        if (scales.Length == 0 && zeroPoints.Length == 0) return null;
        if (q.UInt8(S.Quantization.DetailsType, "details_type") != 0) throw view.Fault(q.Position, $"{label}: custom quantisation; not supported");
        if (scales.Length != zeroPoints.Length)
            throw view.Fault(q.Position, $"{label}: {scales.Length} scales but {zeroPoints.Length} zero points");
        foreach (var s in scales)
            if (!float.IsFinite(s) || s <= 0) throw view.Fault(q.Position, $"{label}: scale {s} is not a positive finite number");
        if (tensor.UInt8(S.Tensor.Type, "type") == (int)TensorType.Int8)
            foreach (var z in zeroPoints)
                if (z is < sbyte.MinValue or > sbyte.MaxValue) throw view.Fault(q.Position, $"{label}: zero point {z} is outside int8");
        var dimension = q.Int32(S.Quantization.QuantizedDimension, "quantized_dimension");
        if (scales.Length > 1 && (dimension < 0 || dimension >= shape.Length || shape[dimension] != scales.Length))
            throw view.Fault(q.Position, $"{label}: {scales.Length} per-channel scales along dimension {dimension} of shape [{string.Join(", ", shape)}]");
        return new Quantization([.. scales.Select(s => (double)s)], zeroPoints, dimension);
    }

    private static int[] TensorIds(FlatTable table, int slot, string field, int tensorCount, string owner)
    {
        var ids = table.Int32s(slot, field);
        for (var k = 0; k < ids.Length; k++)
        {
            if (ids[k] == -1)
                throw table.View.Fault(table.Position, $"{owner}: {field}[{k}] is -1 (an omitted optional tensor, such as a FULLY_CONNECTED without bias); the rig's kernels need every input");
            if (ids[k] < 0 || ids[k] >= tensorCount)
                throw table.View.Fault(table.Position, $"{owner}: {field}[{k}] = {ids[k]} is not a tensor ({tensorCount} tensors)");
        }
        return ids;
    }

    private static List<GraphOperator> ReadOperators(FlatTable subgraph, List<OperatorCodeEntry> codes, List<GraphTensor> tensors)
    {
        var view = subgraph.View;
        var vector = subgraph.Vector(S.SubGraph.Operators, "operators", 4);
        var operators = new List<GraphOperator>(vector.Count);
        for (var i = 0; i < vector.Count; i++)
        {
            var t = subgraph.TableAt(vector, i, "operators");
            var opcode = t.UInt32(S.Operator.OpcodeIndex, "opcode_index");
            if (opcode >= codes.Count) throw view.Fault(t.Position, $"operator {i}: opcode_index {opcode} does not exist ({codes.Count} operator codes)");
            var code = codes[(int)opcode];
            if (!Enum.IsDefined((OperatorKind)code.Code))
            {
                var what = code.Custom is { } custom ? $"custom op '{custom}'" : $"{BuiltinOperatorNames.Of(code.Code)} (builtin code {code.Code})";
                throw view.Fault(-1, $"operator {i}: unsupported op {what}; the rig runs {string.Join(", ", Enum.GetValues<OperatorKind>().Select(k => BuiltinOperatorNames.Of((int)k)))}");
            }
            var kind = (OperatorKind)code.Code;
            var owner = $"operator {i} ({BuiltinOperatorNames.Of(code.Code)})";
            var inputs = TensorIds(t, S.Operator.Inputs, "inputs", tensors.Count, owner);
            var outputs = TensorIds(t, S.Operator.Outputs, "outputs", tensors.Count, owner);
            CheckArity(view, t.Position, owner, kind, inputs.Length, outputs.Length);
            CheckOperands(view, owner, kind, inputs, outputs, tensors);
            var options = TfliteOptionsReader.Read(t, kind, owner);
            operators.Add(new GraphOperator(i, kind, inputs, outputs, options));
        }
        return operators;
    }

    /// <summary>The operand types and constness the int8 kernels take: int8 data in and out, constant int8 filters, constant int32 biases.</summary>
    private static void CheckOperands(FlatBufferView view, string owner, OperatorKind kind, int[] inputs, int[] outputs, List<GraphTensor> tensors)
    {
        void Expect(string role, int id, TensorType type, bool? constant)
        {
            var t = tensors[id];
            if (t.Type != type) throw view.Fault(-1, $"{owner}: its {role} tensor {id} '{t.Name}' is {S.TensorTypeName((int)t.Type)}, the int8 kernel takes {S.TensorTypeName((int)type)}");
            if (constant is { } c && t.IsConstant != c)
                throw view.Fault(-1, $"{owner}: its {role} tensor {id} '{t.Name}' {(c ? "has no data; it must be a constant" : "is a constant; it must be computed")}");
        }

        Expect("input", inputs[0], TensorType.Int8, null);
        Expect("output", outputs[0], TensorType.Int8, false);
        if (kind is OperatorKind.Conv2D or OperatorKind.DepthwiseConv2D or OperatorKind.FullyConnected)
        {
            Expect("filter", inputs[1], TensorType.Int8, true);
            Expect("bias", inputs[2], TensorType.Int32, true);
        }
        else if (kind == OperatorKind.Reshape && inputs.Length == 2)
        {
            Expect("shape", inputs[1], TensorType.Int32, true);
        }
    }

    private static void CheckArity(FlatBufferView view, long at, string owner, OperatorKind kind, int inputs, int outputs)
    {
        var (min, max) = kind switch
        {
            OperatorKind.Conv2D or OperatorKind.DepthwiseConv2D or OperatorKind.FullyConnected => (3, 3),
            OperatorKind.Reshape => (1, 2),
            _ => (1, 1),
        };
        if (inputs < min || inputs > max)
            throw view.Fault(at, $"{owner}: {inputs} inputs, expected {(min == max ? $"{min}" : $"{min} or {max}")}");
        if (outputs != 1) throw view.Fault(at, $"{owner}: {outputs} outputs, expected 1");
    }
}
