namespace Rig.Protocol.Framing;

/// <summary>
/// Turns a byte stream into checked frames. Resynchronises at every 0x00; a frame with a bad COBS
/// encoding, version, length or CRC is counted and skipped, a run of bytes longer than the longest
/// legal frame is counted as oversize and dropped up to the next delimiter (memory stays bounded
/// by <see cref="FrameFormat.MaxEncodedFrame"/>). Sequence gaps count as dropped frames.
/// Not thread-safe: one decoder per link reader.
/// </summary>
public sealed class FrameDecoder
{
    private readonly byte[] _encoded = new byte[FrameFormat.MaxEncodedFrame];
    private readonly byte[] _raw = new byte[FrameFormat.MaxEncodedFrame];
    private int _fill;
    private bool _discarding;
    private long _discarded;
    private int? _nextSequence;
    private long _frames, _crcErrors, _malformed, _oversize, _garbage, _dropped;

    public DecoderCounters Counters => new(_frames, _crcErrors, _malformed, _oversize, _garbage, _dropped);

    /// <summary>Forgets the expected sequence number (after the board restarted, it counts from 0 again).</summary>
    public void ResetSequence() => _nextSequence = null;

    /// <summary>Feeds bytes; appends every complete valid frame to <paramref name="frames"/>.</summary>
    public void Push(ReadOnlySpan<byte> data, ICollection<Frame> frames)
    {
        foreach (var b in data)
        {
            if (b == 0)
            {
                if (_discarding)
                {
                    _garbage += _discarded + 1;
                    _discarding = false;
                    _discarded = 0;
                }
                else if (_fill != 0 && TryComplete(out var frame)) frames.Add(frame);
                _fill = 0;
                continue;
            }
            if (_discarding)
            {
                _discarded++;
                continue;
            }
            if (_fill == _encoded.Length)
            {
                _oversize++;
                _discarding = true;
                _discarded = _fill + 1;
                _fill = 0;
                continue;
            }
            _encoded[_fill++] = b;
        }
    }

    private bool TryComplete(out Frame frame)
    {
        frame = null!;
        var n = Cobs.Decode(_encoded.AsSpan(0, _fill), _raw);
        var raw = _raw.AsSpan(0, Math.Max(n, 0));
        if (n < FrameFormat.Overhead || raw[0] is < FrameFormat.MinVersion or > FrameFormat.Version || raw[3] + FrameFormat.Overhead != n)
            return Reject(ref _malformed);
        var len = raw[3];
        var crc = (ushort)(raw[FrameFormat.HeaderBytes + len] | raw[FrameFormat.HeaderBytes + len + 1] << 8);
        if (Crc16Ccitt.Compute(raw[..(FrameFormat.HeaderBytes + len)]) != crc) return Reject(ref _crcErrors);
        var sequence = raw[2];
        if (_nextSequence is int expected && sequence != expected) _dropped += (byte)(sequence - expected);
        _nextSequence = (byte)(sequence + 1);
        _frames++;
        frame = new Frame((MessageType)raw[1], sequence, raw.Slice(FrameFormat.HeaderBytes, len).ToArray());
        return true;
    }

    private bool Reject(ref long counter)
    {
        counter++;
        _garbage += _fill + 1;
        return false;
    }
}
