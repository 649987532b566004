using System.Buffers.Binary;
using System.Text;
using Rig.Protocol.Framing;

namespace Rig.Protocol.Messages;

/// <summary>A message from the board, parsed from a checked frame (layouts in firmware/PROTOCOL.md).</summary>
public abstract record BoardMessage
{
    /// <summary>Parses a board-to-host frame; a payload that does not match its type's layout throws <see cref="InvalidDataException"/>.</summary>
    public static BoardMessage Parse(Frame frame)
    {
        var p = frame.Payload;
        return frame.Type switch
        {
            MessageType.Hello => Hello.FromPayload(p),
            MessageType.Pong => new Pong(U32(p, 0, 4, "pong")),
            MessageType.Feature => FeatureColumn.FromPayload(p),
            MessageType.Result => WindowResult.FromPayload(p),
            MessageType.Stats => StatsReport.FromPayload(p),
            MessageType.Log => new LogText(Encoding.ASCII.GetString(p)),
            MessageType.Error => p.Length >= 1 ? new BoardError(p[0], Encoding.ASCII.GetString(p, 1, p.Length - 1)) : throw Bad("error", p.Length),
            MessageType.Credit => Credit.FromPayload(p),
            MessageType.Nak => new Nak(U32(p, 0, 4, "nak")),
            MessageType.Capture => CapturedAudio.FromPayload(p),
            MessageType.Stage => StageData.FromPayload(p),
            MessageType.BurstDone => BurstDone.FromPayload(p),
            MessageType.Layer => LayerData.FromPayload(p),
            MessageType.Ack => p.Length == 1 ? new Ack((MessageType)p[0]) : throw Bad("ack", p.Length),
            _ => throw new InvalidDataException($"board sent unknown message type 0x{(byte)frame.Type:X2} ({p.Length} payload bytes)"),
        };
    }

    internal static InvalidDataException Bad(string what, int length) =>
        new($"board sent a {what} message with a payload of {length} bytes, which does not match its layout");

    internal static uint U32(byte[] p, int at, int exactLength, string what) =>
        p.Length == exactLength ? BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(at)) : throw Bad(what, p.Length);

    internal static short[] Q15(ReadOnlySpan<byte> bytes)
    {
        var values = new short[bytes.Length / 2];
        for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(2 * i)..]);
        return values;
    }
}

public sealed record Pong(uint Token) : BoardMessage;
public sealed record LogText(string Text) : BoardMessage;
public sealed record BoardError(byte Code, string Text) : BoardMessage;
public sealed record Ack(MessageType Acknowledged) : BoardMessage;
