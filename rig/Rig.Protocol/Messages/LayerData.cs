using System.Buffers.Binary;

namespace Rig.Protocol.Messages;

/// <summary>
/// Debug mode (stream flag <see cref="StreamFlags.Layers"/>): a slice of one model layer's int8 output for one window,
/// sent while the layer is still in the board's arena. <see cref="Layer"/> is the layer's index in execution order,
/// -1 for the graph's int8 input (0xFF on the wire); <see cref="Offset"/> is the first value's index in the layer.
/// </summary>
public sealed record LayerData(uint Window, int Layer, int Offset, sbyte[] Values) : BoardMessage
{
    public const int HeaderBytes = 9;

    public static LayerData FromPayload(byte[] p)
    {
        if (p.Length < HeaderBytes) throw Bad("layer", p.Length);
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(5));
        if (offset > int.MaxValue) throw new InvalidDataException($"board sent a layer message at offset {offset}, beyond any layer");
        var values = new sbyte[p.Length - HeaderBytes];
        for (var i = 0; i < values.Length; i++) values[i] = (sbyte)p[HeaderBytes + i];
        return new LayerData(BinaryPrimitives.ReadUInt32LittleEndian(p), p[4] == 0xFF ? -1 : p[4], (int)offset, values);
    }
}
