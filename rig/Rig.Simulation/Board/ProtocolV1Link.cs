using Rig.Core.Seams;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;

namespace Rig.Simulation.Board;

/// <summary>
/// Makes a board look like protocol v1 firmware on the wire, for the rig's fallback path: every frame it sends
/// carries version 1, its HELLO has no capability byte (and says protocol 1), and the v2 requests BURST and
/// IDLE reach it as a type it does not know, so the real firmware answers them as v1 firmware does (ERROR 2,
/// unknown message type). AUDIO, CREDIT and HELLO's AUDIO limit are translated between the v1 and v2 layouts
/// (PROTOCOL.md); everything else passes through unchanged, sequence numbers included.
/// </summary>
public sealed class ProtocolV1Link(ISerialLink inner) : ISerialLink
{
    /// <summary>A host-to-board type no firmware allocates (PROTOCOL.md).</summary>
    private const MessageType Unknown = (MessageType)0x7F;

    /// <summary>Every frame on the wire is version 1 both ways: the board then reads v1 payloads, as a v1 board would.</summary>
    private const byte V1 = FrameFormat.MinVersion;

    private readonly FrameDecoder _fromHost = new();
    private readonly FrameDecoder _fromBoard = new();
    private readonly List<Frame> _frames = [];
    private readonly Queue<byte> _toHost = new();
    private readonly byte[] _buffer = new byte[4096];
    private uint _samplesSinceStart;

    public string Name => inner.Name + " (as protocol v1)";
    public int Baud => inner.Baud;

    public void Write(ReadOnlySpan<byte> data)
    {
        _frames.Clear();
        _fromHost.Push(data, _frames);
        var wire = new List<byte>();
        foreach (var f in _frames)
        {
            if (f.Type == MessageType.Start) _samplesSinceStart = 0;
            var payload = f.Payload;
            if (f.Type == MessageType.Audio)
            {
                // v1 AUDIO is bare samples; the firmware reads v2 (u32 offset first): add the offset a v1 stream implies.
                payload = new byte[4 + f.Payload.Length];
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(payload, _samplesSinceStart);
                f.Payload.CopyTo(payload, 4);
                _samplesSinceStart += (uint)(f.Payload.Length / 2);
            }
            wire.AddRange(FrameFormat.Encode(f.Type is MessageType.Burst or MessageType.Idle ? Unknown : f.Type, f.Sequence, payload, V1));
        }
        inner.Write(wire.ToArray());
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        if (_toHost.Count == 0)
        {
            var n = inner.Read(_buffer, timeout);
            _frames.Clear();
            _fromBoard.Push(_buffer.AsSpan(0, n), _frames);
            foreach (var f in _frames)
            {
                var payload = f.Type switch
                {
                    MessageType.Hello => AsV1Hello(f.Payload),
                    MessageType.Credit => f.Payload[..1], // v1 CREDIT: the count only
                    _ => f.Payload,
                };
                foreach (var b in FrameFormat.Encode(f.Type, f.Sequence, payload, V1)) _toHost.Enqueue(b);
            }
        }
        var count = Math.Min(buffer.Length, _toHost.Count);
        for (var i = 0; i < count; i++) buffer[i] = _toHost.Dequeue();
        return count;
    }

    /// <summary>The v1 layout: protocol version 1, no capability byte (nor v3's build id and unique ID) before the name.</summary>
    private static byte[] AsV1Hello(byte[] payload)
    {
        if (payload.Length <= Hello.FixedBytes || payload[0] < 2) return payload;
        var hello = Hello.FromPayload(payload);
        // v1 AUDIO carries no offset: the samples may take the 4 bytes the v2 offset used.
        return (hello with { ProtocolVersion = 1, MaxAudioPayload = hello.MaxAudioPayload - 4 }).ToPayload();
    }

    public void Discard()
    {
        _toHost.Clear();
        _fromHost.ResetSequence();
        _fromBoard.ResetSequence();
        inner.Discard();
    }

    public void Dispose() => inner.Dispose();
}
