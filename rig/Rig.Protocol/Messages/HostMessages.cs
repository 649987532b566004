using System.Buffers.Binary;
using Rig.Protocol.Framing;

namespace Rig.Protocol.Messages;

/// <summary>Payloads of the host-to-board messages (firmware/PROTOCOL.md).</summary>
public static class HostMessages
{
    public static byte[] Ping(uint token)
    {
        var p = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(p, token);
        return p;
    }

    public static byte[] Configure(BoardMode mode, StreamFlags stream, int windowColumns, int windowHopColumns)
    {
        var p = new byte[6];
        p[0] = (byte)mode;
        p[1] = (byte)stream;
        BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(2), checked((ushort)windowColumns));
        BinaryPrimitives.WriteUInt16LittleEndian(p.AsSpan(4), checked((ushort)windowHopColumns));
        return p;
    }

    /// <summary>Audio chunk: Q15 samples little-endian. The caller keeps it within the board's hello limit.</summary>
    public static byte[] Audio(ReadOnlySpan<short> samples)
    {
        if (samples.Length * 2 > FrameFormat.MaxPayload)
            throw new ArgumentOutOfRangeException(nameof(samples), $"{samples.Length} samples do not fit one frame");
        var p = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(p.AsSpan(2 * i), samples[i]);
        return p;
    }

    public static byte[] Mark(bool level) => [level ? (byte)1 : (byte)0];
}

public enum BoardMode : byte { Inject = 0, Acoustic = 1 }

[Flags]
public enum StreamFlags : byte { None = 0, Features = 1, Results = 2, Capture = 4, Stages = 8 }
