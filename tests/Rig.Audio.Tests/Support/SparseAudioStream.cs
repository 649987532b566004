namespace Rig.Audio.Tests.Support;

/// <summary>
/// A read-only stream as long as a huge file (gigabytes) without storing it: the given header
/// bytes, then a repeating byte pattern. Counts the bytes actually read, so a test can show that
/// reading an excerpt touches the excerpt and not the file.
/// </summary>
public sealed class SparseAudioStream(byte[] header, long length, Func<long, byte> dataByte) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get; set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, Math.Max(0, length - Position));
        for (var i = 0; i < n; i++)
        {
            var at = Position + i;
            buffer[i] = at < header.Length ? header[at] : dataByte(at - header.Length);
        }
        Position += n;
        BytesRead += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => Position + offset,
        _ => length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
