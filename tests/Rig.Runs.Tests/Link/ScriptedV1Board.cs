using System.Buffers.Binary;
using Rig.Core.Seams;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;

namespace Rig.Runs.Tests.Link;

/// <summary>
/// A protocol version 1 board in miniature (the firmware before frame recovery): reads only version 1
/// frames, answers with version 1 frames, a HELLO without capability byte and one-byte CREDITs, and
/// takes AUDIO payloads as bare samples. One FEATURE per <see cref="Hop"/> samples (the column holds
/// the hop's first sample), no windows. It records what it was sent, so a test sees what the host spoke.
/// </summary>
internal sealed class ScriptedV1Board : ISerialLink
{
    public const int Hop = 64;
    private readonly Queue<byte> _out = new();
    private byte _seq;
    private int _columns;

    public string Name => "scripted-v1";
    public int Baud => 460800;
    public List<short> Samples { get; } = [];
    public List<byte> VersionsSeen { get; } = [];
    public int RejectedFrames { get; private set; }

    public void Write(ReadOnlySpan<byte> data)
    {
        var start = 0;
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] != 0) continue;
            Take(data[start..i].ToArray());
            start = i + 1;
        }
    }

    private void Take(byte[] encoded)
    {
        var raw = new byte[encoded.Length];
        var n = Cobs.Decode(encoded, raw);
        if (n < FrameFormat.Overhead) return;
        VersionsSeen.Add(raw[0]);
        if (raw[0] != 1) { RejectedFrames++; return; } // a v1 board rejects every other version
        var payload = raw.AsSpan(FrameFormat.HeaderBytes, raw[3]).ToArray();
        switch ((MessageType)raw[1])
        {
            case MessageType.HelloRequest:
                Send(MessageType.Hello, new Hello(1, "0.9", 0xC0FFEE, 0xC0FFEE, 8000, Hop, 2, 44, 72, 3, false, 1_000_000_000, 2, 1, 1, "v1-board").ToPayload());
                break;
            case MessageType.Ping: Send(MessageType.Pong, payload); break;
            case MessageType.Configure or MessageType.Start: Send(MessageType.Ack, [raw[1]]); break;
            case MessageType.Audio:
                Send(MessageType.Credit, [1]);
                for (var i = 0; i + 1 < payload.Length; i += 2)
                {
                    Samples.Add(BinaryPrimitives.ReadInt16LittleEndian(payload.AsSpan(i)));
                    if (Samples.Count % Hop != 0) continue;
                    var column = new byte[12];
                    BinaryPrimitives.WriteUInt32LittleEndian(column, (uint)_columns++);
                    BinaryPrimitives.WriteInt16LittleEndian(column.AsSpan(8), Samples[^Hop]);
                    Send(MessageType.Feature, column);
                }
                break;
            case MessageType.Stop:
                var stats = new byte[StatsReport.Bytes];
                BinaryPrimitives.WriteUInt32LittleEndian(stats.AsSpan(40), (uint)_columns);
                Send(MessageType.Stats, stats);
                break;
        }
    }

    private void Send(MessageType type, byte[] payload)
    {
        foreach (var b in FrameFormat.Encode(type, _seq++, payload, version: 1)) _out.Enqueue(b);
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        var k = 0;
        while (k < buffer.Length && _out.Count > 0) buffer[k++] = _out.Dequeue();
        return k;
    }

    public void Discard() => _out.Clear();

    public void Dispose() { }
}
