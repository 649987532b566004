namespace Rig.Protocol.Framing;

/// <summary>
/// Raw frame layout (firmware/PROTOCOL.md): version, type, seq, len, payload[len], CRC-16 little-endian
/// over everything before it. On the wire: COBS(raw) then 0x00.
/// </summary>
public static class FrameFormat
{
    /// <summary>The version this host speaks (v2: frame recovery; v3: HELLO carries the build id and unique ID; PROTOCOL.md); it reads frames of <see cref="MinVersion"/>..<see cref="Version"/>.</summary>
    public const byte Version = 3;
    /// <summary>The oldest version still read and spoken (to a v1 board, and before a board's HELLO says which it is).</summary>
    public const byte MinVersion = 1;
    public const int HeaderBytes = 4;
    public const int CrcBytes = 2;
    public const int Overhead = HeaderBytes + CrcBytes;
    /// <summary>The length field is one byte.</summary>
    public const int MaxPayload = 255;
    /// <summary>Longest legal encoded frame, without the delimiter.</summary>
    public static readonly int MaxEncodedFrame = Cobs.MaxEncodedLength(MaxPayload + Overhead);

    /// <summary>The wire bytes of one frame, delimiter included.</summary>
    public static byte[] Encode(MessageType type, byte sequence, ReadOnlySpan<byte> payload, byte version = Version)
    {
        if (version is < MinVersion or > Version)
            throw new ArgumentOutOfRangeException(nameof(version), $"protocol version {version} is outside {MinVersion}..{Version}");
        if (payload.Length > MaxPayload)
            throw new ArgumentOutOfRangeException(nameof(payload), $"payload of {payload.Length} bytes exceeds {MaxPayload}");
        Span<byte> raw = stackalloc byte[payload.Length + Overhead];
        raw[0] = version;
        raw[1] = (byte)type;
        raw[2] = sequence;
        raw[3] = (byte)payload.Length;
        payload.CopyTo(raw[HeaderBytes..]);
        var crc = Crc16Ccitt.Compute(raw[..(HeaderBytes + payload.Length)]);
        raw[HeaderBytes + payload.Length] = (byte)crc;
        raw[HeaderBytes + payload.Length + 1] = (byte)(crc >> 8);
        var wire = new byte[Cobs.MaxEncodedLength(raw.Length) + 1];
        var n = Cobs.Encode(raw, wire);
        wire[n] = 0;
        return wire.AsSpan(0, n + 1).ToArray();
    }
}
