using System.Buffers.Binary;
using System.Text;

namespace Rig.Model.Tflite;

/// <summary>
/// Bounds-checked access to a flatbuffer's tables, vectors and strings. Every offset and length read from the
/// bytes is checked against the buffer before it is followed, so hostile input ends in a
/// <see cref="TfliteFormatException"/> naming the byte and the reason, never an out-of-range read.
/// Offsets are computed in 64 bits so no length in the file can wrap them.
/// </summary>
internal sealed class FlatBufferView(ReadOnlyMemory<byte> bytes, string source)
{
    private ReadOnlySpan<byte> Span => bytes.Span;

    public int Length => bytes.Length;

    public TfliteFormatException Fault(long offset, string reason) => new(source, offset, reason);

    /// <summary>The root table, after checking the 4-byte file identifier that follows the root offset.</summary>
    public FlatTable Root(string identifier)
    {
        if (Length < 8) throw Fault(0, $"file too short for a flatbuffer ({Length} bytes, at least 8 needed)");
        var id = Encoding.ASCII.GetString(Span.Slice(4, 4));
        if (id != identifier) throw Fault(4, $"file identifier '{Printable(id)}' is not '{identifier}' (not a TFLite model)");
        return Table(0, ReadUOffset(0), "root table");
    }

    /// <summary>The table an offset stored at <paramref name="at"/> points to (uoffset: relative to <paramref name="at"/>).</summary>
    public FlatTable Table(long at, long target, string what)
    {
        if (target < 0 || target + 4 > Length) throw Fault(at, $"{what}: offset points to byte {target}, outside the file ({Length} bytes)");
        var vtable = target - BinaryPrimitives.ReadInt32LittleEndian(Span.Slice((int)target, 4));
        if (vtable < 0 || vtable + 4 > Length) throw Fault(target, $"{what}: vtable at byte {vtable} is outside the file");
        int vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(Span.Slice((int)vtable, 2));
        int objectSize = BinaryPrimitives.ReadUInt16LittleEndian(Span.Slice((int)vtable + 2, 2));
        if (vtableSize < 4 || vtableSize % 2 != 0 || vtable + vtableSize > Length)
            throw Fault(vtable, $"{what}: vtable size {vtableSize} is invalid (even, at least 4, inside the file)");
        if (objectSize < 4 || target + objectSize > Length)
            throw Fault(vtable + 2, $"{what}: table size {objectSize} runs past the end of the file");
        return new FlatTable(this, target, vtable, vtableSize, objectSize, what);
    }

    public long ReadUOffset(long at)
    {
        CheckRange(at, 4, "offset");
        return at + BinaryPrimitives.ReadUInt32LittleEndian(Span.Slice((int)at, 4));
    }

    public void CheckRange(long at, long size, string what)
    {
        if (at < 0 || size < 0 || at + size > Length) throw Fault(Math.Clamp(at, 0, Length), $"{what}: {size} bytes at byte {at} run past the end of the file ({Length} bytes)");
    }

    public byte U8(long at) => Span[(int)at];

    public short I16(long at) => BinaryPrimitives.ReadInt16LittleEndian(Span.Slice((int)at, 2));

    public ushort U16(long at) => BinaryPrimitives.ReadUInt16LittleEndian(Span.Slice((int)at, 2));

    public int I32(long at) => BinaryPrimitives.ReadInt32LittleEndian(Span.Slice((int)at, 4));

    public uint U32(long at) => BinaryPrimitives.ReadUInt32LittleEndian(Span.Slice((int)at, 4));

    public long I64(long at) => BinaryPrimitives.ReadInt64LittleEndian(Span.Slice((int)at, 8));

    public float F32(long at) => BinaryPrimitives.ReadSingleLittleEndian(Span.Slice((int)at, 4));

    public ReadOnlyMemory<byte> Slice(long at, int length) => bytes.Slice((int)at, length);

    public string Utf8(long at, int length) => Encoding.UTF8.GetString(Span.Slice((int)at, length));

    private static string Printable(string s) => new([.. s.Select(c => c is >= ' ' and <= '~' ? c : '?')]);
}

/// <summary>A vector's element count and the byte where its first element starts.</summary>
internal readonly record struct FlatVector(long Start, int Count, long LengthAt);

/// <summary>One table of a <see cref="FlatBufferView"/>: fields by their vtable slot (0, 1, 2, ... in schema order).</summary>
internal readonly record struct FlatTable(FlatBufferView View, long Position, long VTable, int VTableSize, int ObjectSize, string What)
{
    /// <summary>Where field <paramref name="slot"/> starts, or -1 when the table leaves it out (its default applies).</summary>
    private long Field(int slot, int size, string name)
    {
        var entry = 4 + (2 * slot);
        if (entry + 2 > VTableSize) return -1;
        int offset = View.U16(VTable + entry);
        if (offset == 0) return -1;
        if (offset + size > ObjectSize) throw View.Fault(VTable + entry, $"{What}.{name}: field at {offset} (+{size} bytes) lies outside its table of {ObjectSize} bytes");
        return Position + offset;
    }

    public bool Has(int slot) => Field(slot, 1, "field") >= 0;

    public int Int32(int slot, string name, int fallback = 0) => Field(slot, 4, name) is var at and >= 0 ? View.I32(at) : fallback;

    public uint UInt32(int slot, string name, uint fallback = 0) => Field(slot, 4, name) is var at and >= 0 ? View.U32(at) : fallback;

    public byte UInt8(int slot, string name, byte fallback = 0) => Field(slot, 1, name) is var at and >= 0 ? View.U8(at) : fallback;

    public sbyte Int8(int slot, string name, sbyte fallback = 0) => Field(slot, 1, name) is var at and >= 0 ? unchecked((sbyte)View.U8(at)) : fallback;

    public float Float32(int slot, string name, float fallback = 0) => Field(slot, 4, name) is var at and >= 0 ? View.F32(at) : fallback;

    /// <summary>The sub-table of field <paramref name="slot"/>, or null when absent.</summary>
    public FlatTable? Table(int slot, string name)
    {
        var at = Field(slot, 4, name);
        return at < 0 ? null : View.Table(at, View.ReadUOffset(at), $"{What}.{name}");
    }

    /// <summary>The vector of field <paramref name="slot"/> with elements of <paramref name="elementSize"/> bytes (empty when absent).</summary>
    public FlatVector Vector(int slot, string name, int elementSize)
    {
        var at = Field(slot, 4, name);
        if (at < 0) return new FlatVector(0, 0, -1);
        var start = View.ReadUOffset(at);
        if (start + 4 > View.Length) throw View.Fault(at, $"{What}.{name}: offset points to byte {start}, outside the file ({View.Length} bytes)");
        var count = View.U32(start);
        if (count > int.MaxValue || start + 4 + ((long)count * elementSize) > View.Length)
            throw View.Fault(start, $"{What}.{name}: {count} elements of {elementSize} bytes run past the end of the file ({View.Length} bytes)");
        return new FlatVector(start + 4, (int)count, start);
    }

    /// <summary>Element <paramref name="index"/> of a vector of tables.</summary>
    public FlatTable TableAt(FlatVector vector, int index, string name)
    {
        var at = vector.Start + (4L * index);
        return View.Table(at, View.ReadUOffset(at), $"{name}[{index}]");
    }

    public int[] Int32s(int slot, string name)
    {
        var v = Vector(slot, name, 4);
        var values = new int[v.Count];
        for (var i = 0; i < values.Length; i++) values[i] = View.I32(v.Start + (4L * i));
        return values;
    }

    public float[] Float32s(int slot, string name)
    {
        var v = Vector(slot, name, 4);
        var values = new float[v.Count];
        for (var i = 0; i < values.Length; i++) values[i] = View.F32(v.Start + (4L * i));
        return values;
    }

    public long[] Int64s(int slot, string name)
    {
        var v = Vector(slot, name, 8);
        var values = new long[v.Count];
        for (var i = 0; i < values.Length; i++) values[i] = View.I64(v.Start + (8L * i));
        return values;
    }

    public string? String(int slot, string name)
    {
        var v = Vector(slot, name, 1);
        return v.LengthAt < 0 ? null : View.Utf8(v.Start, v.Count);
    }
}
