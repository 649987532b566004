using System.Buffers.Binary;
using Rig.Model.Graph;

namespace Rig.Model.Training.Export;

/// <summary>Collects tensors and operators in execution order and hands out their ids; <see cref="Build"/> makes the immutable <see cref="ModelGraph"/>.</summary>
public sealed class GraphBuilder
{
    private readonly List<GraphTensor> _tensors = [];
    private readonly List<GraphOperator> _operators = [];

    public int Activation(string name, int[] shape, ActivationRange q) =>
        Add(name, shape, TensorType.Int8, Quantization.PerTensor(q.Scale, q.ZeroPoint), null);

    public int Int8Constant(string name, int[] shape, sbyte[] values, double[] scales, int quantizedDimension) =>
        Add(name, shape, TensorType.Int8, new Quantization(scales, new long[scales.Length], quantizedDimension),
            values.Select(v => (byte)v).ToArray());

    public int Int32Constant(string name, int[] shape, int[] values, double[] scales)
    {
        var bytes = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 * i), values[i]);
        return Add(name, shape, TensorType.Int32, new Quantization(scales, new long[scales.Length], 0), bytes);
    }

    public void Operator(OperatorKind kind, int[] inputs, int output, OperatorOptions options) =>
        _operators.Add(new GraphOperator(_operators.Count, kind, inputs, [output], options));

    public ModelGraph Build(string name, int input, int output) => new(name, _tensors.ToArray(), _operators.ToArray(), [input], [output]);

    private int Add(string name, int[] shape, TensorType type, Quantization q, byte[]? data)
    {
        var id = _tensors.Count;
        // A bare null would become an empty (constant) memory through the array conversion.
        _tensors.Add(new GraphTensor(id, name, shape, type, q, data is null ? (ReadOnlyMemory<byte>?)null : new ReadOnlyMemory<byte>(data)));
        return id;
    }
}
