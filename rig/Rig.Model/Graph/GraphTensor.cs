namespace Rig.Model.Graph;

/// <summary>
/// One tensor of a <see cref="ModelGraph"/>: its index in the graph, shape (NHWC for 4-D, as in TFLite),
/// element type, quantisation, and for a constant (weights, biases) its little-endian bytes; null Data is an activation.
/// </summary>
public sealed record GraphTensor(int Id, string Name, IReadOnlyList<int> Shape, TensorType Type, Quantization? Quantization, ReadOnlyMemory<byte>? Data)
{
    public bool IsConstant => Data is not null;

    public int ElementCount
    {
        get
        {
            var n = 1;
            foreach (var d in Shape) n *= d;
            return n;
        }
    }

    public int ElementBytes => Type switch
    {
        TensorType.Int8 => 1,
        TensorType.Int16 => 2,
        TensorType.Int32 => 4,
        _ => throw new InvalidOperationException($"tensor {Id} '{Name}': unsupported type {Type}"),
    };

    public int ByteCount => ElementCount * ElementBytes;
}
