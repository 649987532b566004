using System.Buffers.Binary;

namespace Rig.Protocol.Messages;

/// <summary>
/// The board took <paramref name="Count"/> AUDIO frames out of its UART ring. Protocol v2 adds the
/// next sample offset it expects (<paramref name="NextOffset"/>, a cumulative acknowledgement: a
/// lost CREDIT is made good by the next one); v1 credits have none (null).
/// </summary>
public sealed record Credit(int Count, uint? NextOffset = null) : BoardMessage
{
    public static Credit FromPayload(byte[] p) => p.Length switch
    {
        1 => new Credit(p[0]),
        5 => new Credit(p[0], BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(1))),
        _ => throw Bad("credit", p.Length),
    };

    public byte[] ToPayload()
    {
        if (NextOffset is not uint next) return [(byte)Count];
        var p = new byte[5];
        p[0] = (byte)Count;
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(1), next);
        return p;
    }
}

/// <summary>Protocol v2: an AUDIO frame arrived beyond the expected offset (the one before it was lost); send again from <paramref name="NextOffset"/>.</summary>
public sealed record Nak(uint NextOffset) : BoardMessage;
