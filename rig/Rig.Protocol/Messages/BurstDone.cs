using System.Buffers.Binary;
using Rig.Protocol.Framing;

namespace Rig.Protocol.Messages;

/// <summary>
/// The board's answer to BURST or IDLE (v2): which request, how it ended, the inferences run, and the
/// board_cycles() ticks the marked stretch took (for IDLE, ticks of the clock that runs while asleep).
/// </summary>
public sealed record BurstDone(MessageType Request, BurstStatus Status, int Inferences, uint Cycles) : BoardMessage
{
    public const int Bytes = 10;

    public static BurstDone FromPayload(byte[] p)
    {
        if (p.Length != Bytes) throw Bad("burst done", p.Length);
        var inferences = BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(2));
        if (inferences > int.MaxValue) throw new InvalidDataException($"board reported {inferences} inferences in a burst, more than any request asks for");
        return new BurstDone((MessageType)p[0], (BurstStatus)p[1], (int)inferences,
            BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(6)));
    }

    public byte[] ToPayload()
    {
        var p = new byte[Bytes];
        p[0] = (byte)Request;
        p[1] = (byte)Status;
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(2), (uint)Inferences);
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(6), Cycles);
        return p;
    }
}

/// <summary>How a BURST ended (firmware/core/protocol.h RIG_BURST_*).</summary>
public enum BurstStatus : byte
{
    Done = 0,
    /// <summary>The cycle budget ran out first; <see cref="BurstDone.Inferences"/> says how many ran.</summary>
    OverBudget = 1,
    /// <summary>No window to run on: nothing ran and the marker stayed low.</summary>
    NoWindow = 2,
}
