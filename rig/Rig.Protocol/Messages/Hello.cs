using System.Buffers.Binary;
using System.Text;

namespace Rig.Protocol.Messages;

/// <summary>
/// The board introduces itself (at boot and on request): what it runs, the frontend config hash of
/// its tables, its buffer limits and how it counts cycles. Protocol v2 adds a capability byte after
/// the class count (offset 34, the name follows from 35); a v1 HELLO has none (<see cref="BoardCapabilities.None"/>).
/// Protocol v3 follows the capability byte with the image's GNU build id and the chip's unique ID, each as a
/// length byte and that many bytes, then the name.
/// </summary>
public sealed record Hello(
    byte ProtocolVersion,
    string FirmwareVersion,
    uint ConfigHash,
    uint ModelConfigHash,
    int SampleRate,
    int Hop,
    int ColumnLength,
    int MaxAudioPayload,
    int MaxBoardPayload,
    int Credits,
    bool McuCycles,
    uint CyclesHz,
    int WindowColumns,
    int WindowHopColumns,
    int Classes,
    string BoardName) : BoardMessage
{
    /// <summary>Bytes before the board name in a v1 HELLO; v2 puts the capability byte there (offset 34).</summary>
    public const int FixedBytes = 34;
    /// <summary>Fixed part of a v2 HELLO: the v1 part and the capability byte.</summary>
    public const int FixedBytesV2 = FixedBytes + 1;
    /// <summary>Smallest v3 HELLO: the v2 part and two zero length bytes (no build id, no unique ID).</summary>
    public const int FixedBytesV3 = FixedBytesV2 + 2;
    /// <summary>Longest build id a HELLO carries (a SHA-1, ld --build-id=sha1; firmware/core/build_id.h).</summary>
    public const int MaxBuildIdBytes = 20;
    /// <summary>Longest chip unique ID a HELLO carries (firmware/core/app.h RIG_APP_HELLO_UID_MAX).</summary>
    public const int MaxUniqueIdBytes = 12;

    /// <summary>The image's GNU build id as `readelf -n` prints it (lower-case hex), or null: a board before v3, or an image linked without one.</summary>
    public string? BuildId { get; init; }

    /// <summary>The chip's factory unique ID (lower-case hex, bytes in address order), or null: a board before v3, or a chip whose port reads none.</summary>
    public string? UniqueId { get; init; }

    /// <summary>What the firmware can do beyond v1 (HELLO v2 byte 34; none from a v1 board, which has no such byte).</summary>
    public BoardCapabilities Capabilities { get; init; }

    /// <summary>The board resends, replays and NAKs at the frame level (PROTOCOL.md, frame recovery).</summary>
    public bool FrameRecovery => Supports(BoardCapabilities.FrameRecovery);

    public bool Supports(BoardCapabilities c) => ProtocolVersion >= 2 && (Capabilities & c) == c;

    /// <summary>"mcu-cycles" or "host-cycles" (the run.json cycle unit).</summary>
    public string CycleUnit => McuCycles ? "mcu-cycles" : "host-cycles";

    public static Hello FromPayload(byte[] p)
    {
        if (p.Length < FixedBytes || (p[0] >= 2 && p.Length < FixedBytesV2) || (p[0] >= 3 && p.Length < FixedBytesV3)) throw Bad("hello", p.Length);
        var s = p.AsSpan();
        var nameAt = p[0] >= 2 ? FixedBytesV2 : FixedBytes;
        string? buildId = null, uniqueId = null;
        if (p[0] >= 3)
        {
            buildId = LengthPrefixed(p, ref nameAt, MaxBuildIdBytes, "build id");
            uniqueId = LengthPrefixed(p, ref nameAt, MaxUniqueIdBytes, "unique ID");
        }
        return new Hello(
            p[0], $"{p[1]}.{p[2]}",
            BinaryPrimitives.ReadUInt32LittleEndian(s[3..]),
            BinaryPrimitives.ReadUInt32LittleEndian(s[7..]),
            (int)BinaryPrimitives.ReadUInt32LittleEndian(s[11..]),
            BinaryPrimitives.ReadUInt16LittleEndian(s[15..]),
            BinaryPrimitives.ReadUInt16LittleEndian(s[17..]),
            BinaryPrimitives.ReadUInt16LittleEndian(s[19..]),
            BinaryPrimitives.ReadUInt16LittleEndian(s[21..]),
            p[23], p[24] != 0,
            BinaryPrimitives.ReadUInt32LittleEndian(s[25..]),
            BinaryPrimitives.ReadUInt16LittleEndian(s[29..]),
            BinaryPrimitives.ReadUInt16LittleEndian(s[31..]),
            p[33],
            Encoding.ASCII.GetString(p, nameAt, p.Length - nameAt))
        {
            Capabilities = p[0] >= 2 ? (BoardCapabilities)p[FixedBytes] : BoardCapabilities.None,
            BuildId = buildId,
            UniqueId = uniqueId,
        };
    }

    /// <summary>A v3 field: a length byte and that many bytes, as hex (null for length 0); a length past the payload or the limit is a bad HELLO.</summary>
    private static string? LengthPrefixed(byte[] p, ref int at, int max, string what)
    {
        if (at >= p.Length) throw new InvalidDataException($"HELLO v3 payload of {p.Length} bytes ends before its {what} length (offset {at})");
        var n = p[at];
        if (n > max || at + 1 + n > p.Length)
            throw new InvalidDataException($"HELLO v3 {what} of {n} bytes at offset {at} does not fit (at most {max}, payload {p.Length} bytes)");
        at += 1 + n;
        return n == 0 ? null : Convert.ToHexStringLower(p, at - n, n);
    }

    /// <summary>The hello payload (for tests and for a scripted board).</summary>
    public byte[] ToPayload()
    {
        var name = Encoding.ASCII.GetBytes(BoardName);
        var buildId = BuildId is null ? [] : Convert.FromHexString(BuildId);
        var uniqueId = UniqueId is null ? [] : Convert.FromHexString(UniqueId);
        var nameAt = ProtocolVersion >= 3 ? FixedBytesV3 + buildId.Length + uniqueId.Length : ProtocolVersion >= 2 ? FixedBytesV2 : FixedBytes;
        var p = new byte[nameAt + name.Length];
        var s = p.AsSpan();
        var version = FirmwareVersion.Split('.');
        p[0] = ProtocolVersion;
        p[1] = byte.Parse(version[0]);
        p[2] = byte.Parse(version[1]);
        BinaryPrimitives.WriteUInt32LittleEndian(s[3..], ConfigHash);
        BinaryPrimitives.WriteUInt32LittleEndian(s[7..], ModelConfigHash);
        BinaryPrimitives.WriteUInt32LittleEndian(s[11..], (uint)SampleRate);
        BinaryPrimitives.WriteUInt16LittleEndian(s[15..], (ushort)Hop);
        BinaryPrimitives.WriteUInt16LittleEndian(s[17..], (ushort)ColumnLength);
        BinaryPrimitives.WriteUInt16LittleEndian(s[19..], (ushort)MaxAudioPayload);
        BinaryPrimitives.WriteUInt16LittleEndian(s[21..], (ushort)MaxBoardPayload);
        p[23] = (byte)Credits;
        p[24] = McuCycles ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32LittleEndian(s[25..], CyclesHz);
        BinaryPrimitives.WriteUInt16LittleEndian(s[29..], (ushort)WindowColumns);
        BinaryPrimitives.WriteUInt16LittleEndian(s[31..], (ushort)WindowHopColumns);
        p[33] = (byte)Classes;
        if (ProtocolVersion >= 2) p[FixedBytes] = (byte)Capabilities;
        if (ProtocolVersion >= 3)
        {
            p[FixedBytesV2] = (byte)buildId.Length;
            buildId.CopyTo(s[(FixedBytesV2 + 1)..]);
            p[FixedBytesV2 + 1 + buildId.Length] = (byte)uniqueId.Length;
            uniqueId.CopyTo(s[(FixedBytesV2 + 2 + buildId.Length)..]);
        }
        name.CopyTo(s[nameAt..]);
        return p;
    }
}

/// <summary>HELLO v2 capability bits (firmware/core/protocol.h RIG_CAP_*).</summary>
[Flags]
public enum BoardCapabilities : byte
{
    None = 0,
    /// <summary>Frame-level recovery (link).</summary>
    FrameRecovery = 0x01,
    /// <summary>BURST: K inferences back to back with the marker high (energy).</summary>
    Burst = 0x02,
    /// <summary>IDLE: sleep as between hops with the marker high (energy).</summary>
    Idle = 0x04,
}
