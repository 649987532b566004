using System.Buffers.Binary;

namespace Rig.Protocol.Messages;

/// <summary>
/// The board took <paramref name="Count"/> AUDIO frames out of its UART ring. Protocol v2 adds the
/// next sample offset it expects (<paramref name="NextOffset"/>, a cumulative acknowledgement) and
/// the frame sequence number of the AUDIO frame it took (<paramref name="TakenSequence"/>): every
/// frame the host sent before that one has left the ring too, taken or lost on the line, so a lost
/// CREDIT (or a lost AUDIO frame) is made good by the next CREDIT. v1 credits have neither (null).
/// </summary>
public sealed record Credit(int Count, uint? NextOffset = null, byte? TakenSequence = null) : BoardMessage
{
    public const int V2Bytes = 6;

    public static Credit FromPayload(byte[] p) => p.Length switch
    {
        1 => new Credit(p[0]),
        V2Bytes => new Credit(p[0], BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(1)), p[5]),
        _ => throw Bad("credit", p.Length),
    };

    public byte[] ToPayload()
    {
        if (NextOffset is not uint next) return [(byte)Count];
        var p = new byte[V2Bytes];
        p[0] = (byte)Count;
        BinaryPrimitives.WriteUInt32LittleEndian(p.AsSpan(1), next);
        p[5] = TakenSequence ?? 0;
        return p;
    }
}

/// <summary>Protocol v2: an AUDIO frame arrived beyond the expected offset (the one before it was lost); send again from <paramref name="NextOffset"/>.</summary>
public sealed record Nak(uint NextOffset) : BoardMessage;
