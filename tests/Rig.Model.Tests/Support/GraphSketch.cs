using System.Buffers.Binary;
using Rig.Model.Graph;

namespace Rig.Model.Tests.Support;

/// <summary>Builds a <see cref="ModelGraph"/> tensor by tensor for the graph tests (ids and operator indices in order).</summary>
public sealed class GraphSketch
{
    private readonly List<GraphTensor> _tensors = [];
    private readonly List<GraphOperator> _operators = [];

    public int Activation(int[] shape, double scale, int zeroPoint) =>
        Add(shape, TensorType.Int8, Quantization.PerTensor(scale, zeroPoint), null);

    public int Weights(int[] shape, sbyte[] values, double[] scales, int dimension, int zeroPoint = 0) =>
        Add(shape, TensorType.Int8, new Quantization(scales, scales.Select(_ => (long)zeroPoint).ToArray(), dimension), values.Select(v => unchecked((byte)v)).ToArray());

    public int Bias(int[] values)
    {
        var bytes = new byte[4 * values.Length];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4 * i), values[i]);
        return Add([values.Length], TensorType.Int32, null, bytes);
    }

    public void Op(OperatorKind kind, int[] inputs, int output, OperatorOptions? options = null) =>
        _operators.Add(new GraphOperator(_operators.Count, kind, inputs, [output], options ?? OperatorOptions.None));

    public ModelGraph Build(int input, int output, string name = "sketch") => new(name, _tensors.ToList(), _operators.ToList(), [input], [output]);

    public GraphTensor this[int id] => _tensors[id];

    // (ReadOnlyMemory<byte>?)null on purpose: a bare null would convert to an empty, non-null ReadOnlyMemory (a "constant").
    private int Add(int[] shape, TensorType type, Quantization? q, byte[]? data)
    {
        var id = _tensors.Count;
        _tensors.Add(new GraphTensor(id, $"t{id}", shape, type, q, data is null ? (ReadOnlyMemory<byte>?)null : new ReadOnlyMemory<byte>(data)));
        return id;
    }
}
