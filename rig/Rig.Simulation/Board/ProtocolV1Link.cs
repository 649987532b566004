using Rig.Core.Seams;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;

namespace Rig.Simulation.Board;

/// <summary>
/// Makes a board look like protocol v1 firmware on the wire, for the rig's fallback path: every frame it sends
/// carries version 1, its HELLO has no capability byte (and says protocol 1), and the v2 requests BURST and
/// IDLE reach it as a type it does not know, so the real firmware answers them as v1 firmware does (ERROR 2,
/// unknown message type). Everything else passes through unchanged, sequence numbers included.
/// </summary>
public sealed class ProtocolV1Link(ISerialLink inner) : ISerialLink
{
    /// <summary>A host-to-board type no firmware allocates (PROTOCOL.md).</summary>
    private const MessageType Unknown = (MessageType)0x7F;

    private readonly FrameDecoder _fromHost = new();
    private readonly FrameDecoder _fromBoard = new();
    private readonly List<Frame> _frames = [];
    private readonly Queue<byte> _toHost = new();
    private readonly byte[] _buffer = new byte[4096];

    public string Name => inner.Name + " (as protocol v1)";
    public int Baud => inner.Baud;

    public void Write(ReadOnlySpan<byte> data)
    {
        _frames.Clear();
        _fromHost.Push(data, _frames);
        var wire = new List<byte>();
        foreach (var f in _frames)
            wire.AddRange(FrameFormat.Encode(f.Type is MessageType.Burst or MessageType.Idle ? Unknown : f.Type, f.Sequence, f.Payload));
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
                foreach (var b in FrameFormat.Encode(f.Type, f.Sequence, f.Type == MessageType.Hello ? AsV1Hello(f.Payload) : f.Payload))
                    _toHost.Enqueue(b);
        }
        var count = Math.Min(buffer.Length, _toHost.Count);
        for (var i = 0; i < count; i++) buffer[i] = _toHost.Dequeue();
        return count;
    }

    /// <summary>The v1 layout: protocol version 1, no capability byte before the name.</summary>
    private static byte[] AsV1Hello(byte[] v2)
    {
        if (v2.Length <= Hello.FixedBytes || v2[0] < 2) return v2;
        var v1 = new byte[v2.Length - 1];
        v2.AsSpan(0, Hello.FixedBytes).CopyTo(v1);
        v2.AsSpan(Hello.FixedBytes + 1).CopyTo(v1.AsSpan(Hello.FixedBytes));
        v1[0] = 1;
        return v1;
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
