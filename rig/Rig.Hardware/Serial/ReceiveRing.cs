namespace Rig.Hardware.Serial;

/// <summary>
/// A fixed-size byte ring: the receive thread writes at the tail, the reader takes from the head.
/// Not thread-safe; <see cref="SerialPortLink"/> guards it with its one lock.
/// </summary>
internal sealed class ReceiveRing(int capacity)
{
    private readonly byte[] _bytes = new byte[capacity];
    private int _head;

    public int Count { get; private set; }
    public int Free => _bytes.Length - Count;

    /// <summary>Appends as much of <paramref name="data"/> as fits; returns how much.</summary>
    public int Write(ReadOnlySpan<byte> data)
    {
        var n = Math.Min(data.Length, Free);
        var tail = (_head + Count) % _bytes.Length;
        var first = Math.Min(n, _bytes.Length - tail);
        data[..first].CopyTo(_bytes.AsSpan(tail));
        data[first..n].CopyTo(_bytes);
        Count += n;
        return n;
    }

    /// <summary>Moves up to <paramref name="buffer"/>.Length bytes out, oldest first; returns how many.</summary>
    public int Read(Span<byte> buffer)
    {
        var n = Math.Min(buffer.Length, Count);
        var first = Math.Min(n, _bytes.Length - _head);
        _bytes.AsSpan(_head, first).CopyTo(buffer);
        _bytes.AsSpan(0, n - first).CopyTo(buffer[first..]);
        _head = (_head + n) % _bytes.Length;
        Count -= n;
        return n;
    }

    public void Clear()
    {
        _head = 0;
        Count = 0;
    }
}
