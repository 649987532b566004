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

    /// <summary>Protocol v2 AUDIO: the u32 offset of the first sample since START, then the samples.</summary>
    public static byte[] AudioAt(uint offset, ReadOnlySpan<short> samples)
    {
        if (AudioHeaderBytes + samples.Length * 2 > FrameFormat.MaxPayload)
            throw new ArgumentOutOfRangeException(nameof(samples), $"{samples.Length} samples and an offset do not fit one frame");
        var p = new byte[AudioHeaderBytes + samples.Length * 2];
        BinaryPrimitives.WriteUInt32LittleEndian(p, offset);
        for (var i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(p.AsSpan(AudioHeaderBytes + 2 * i), samples[i]);
        return p;
    }

    /// <summary>Bytes of the sample offset in front of v2 AUDIO samples.</summary>
    public const int AudioHeaderBytes = 4;

    /// <summary>
    /// START; protocol v2 may restart the stream at a column (a multiple of the window hop: a replay),
    /// column 0 is the plain START (empty payload, which v1 boards take too).
    /// </summary>
    public static byte[] Start(uint firstColumn = 0)
    {
        if (firstColumn == 0) return [];
        var p = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(p, firstColumn);
        return p;
    }

    public static byte[] Mark(bool level) => [level ? (byte)1 : (byte)0];

    /// <summary>
    /// BURST (v2): <paramref name="inferences"/> back to back, the marker high for exactly the burst; the board stops
    /// after the inference that uses up <paramref name="cycleBudget"/> of its cycles (its watchdog, the profile's
    /// longest window).
    /// </summary>
    public static byte[] Burst(BurstFlags flags, int inferences, uint cycleBudget)
    {
        if (inferences < 1) throw new ArgumentOutOfRangeException(nameof(inferences), inferences, "a burst runs at least one inference");
        var p = new byte[9];
        p[0] = (byte)flags;
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(1), (uint)inferences);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(5), cycleBudget);
        return p;
    }

    /// <summary>IDLE (v2): sleep as between hops for <paramref name="ticks"/> of the board's cycle clock (HELLO's Hz), marker high.</summary>
    public static byte[] Idle(uint ticks)
    {
        var p = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(p, ticks);
        return p;
    }
}

/// <summary>BURST request flags (firmware/core/protocol.h RIG_BURST_*).</summary>
[Flags]
public enum BurstFlags : byte
{
    /// <summary>Model only, on the last window the board completed (any stream since boot).</summary>
    None = 0,
    /// <summary>Each inference also runs the frontend over one window hop of columns, as the stream does.</summary>
    Frontend = 1,
    /// <summary>Run on the window completed from the AUDIO the host sent since its last START.</summary>
    HostWindow = 2,
}

public enum BoardMode : byte { Inject = 0, Acoustic = 1 }

[Flags]
public enum StreamFlags : byte { None = 0, Features = 1, Results = 2, Capture = 4, Stages = 8, Layers = 16 }
