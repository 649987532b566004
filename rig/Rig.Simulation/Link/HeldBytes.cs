namespace Rig.Simulation.Link;

/// <summary>
/// Bytes on their way through a chaos link, in order, each chunk with the time it may be delivered.
/// Release times never decrease along the queue (delay is constant and stalls only push later), so
/// the head is always the next one due. Not thread-safe: the owner locks.
/// </summary>
internal sealed class HeldBytes
{
    private readonly Queue<(byte[] Bytes, TimeSpan Due)> _chunks = new();
    private int _headAt;

    public TimeSpan? NextDue => _chunks.Count == 0 ? null : _chunks.Peek().Due;

    public void Add(byte[] bytes, TimeSpan due)
    {
        if (bytes.Length > 0) _chunks.Enqueue((bytes, due));
    }

    /// <summary>Copies due bytes into <paramref name="buffer"/>; returns how many.</summary>
    public int Take(Span<byte> buffer, TimeSpan now)
    {
        var n = 0;
        while (n < buffer.Length && _chunks.Count > 0 && _chunks.Peek().Due <= now)
        {
            var head = _chunks.Peek().Bytes;
            var count = Math.Min(buffer.Length - n, head.Length - _headAt);
            head.AsSpan(_headAt, count).CopyTo(buffer[n..]);
            n += count;
            _headAt += count;
            if (_headAt == head.Length)
            {
                _chunks.Dequeue();
                _headAt = 0;
            }
        }
        return n;
    }

    /// <summary>Every due byte, in order.</summary>
    public byte[] TakeAllDue(TimeSpan now)
    {
        var total = 0;
        foreach (var (bytes, due) in _chunks)
        {
            if (due > now) break;
            total += bytes.Length;
        }
        var all = new byte[total - _headAt < 0 ? 0 : total - _headAt];
        Take(all, now);
        return all;
    }

    public void Clear()
    {
        _chunks.Clear();
        _headAt = 0;
    }
}
