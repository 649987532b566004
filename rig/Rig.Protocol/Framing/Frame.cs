namespace Rig.Protocol.Framing;

/// <summary>One checked frame: message type, the sender's 8-bit sequence number, and the payload.</summary>
public sealed record Frame(MessageType Type, byte Sequence, byte[] Payload);
