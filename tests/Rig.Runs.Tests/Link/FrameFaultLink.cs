using Rig.Core.Seams;
using Rig.Protocol.Framing;

namespace Rig.Runs.Tests.Link;

/// <summary>
/// A deterministic fault between host and board: drops or corrupts chosen frames (the n-th frame of a
/// type, counted from 1, in one direction) and passes everything else through byte for byte. Frames are
/// cut at the 0x00 delimiters; a corrupted frame gets one byte flipped (its CRC then fails at the receiver).
/// </summary>
internal sealed class FrameFaultLink(ISerialLink inner) : ISerialLink
{
    private readonly List<Fault> _faults = [];
    private readonly Dictionary<(bool ToBoard, MessageType Type), int> _seen = [];
    private readonly List<byte> _partialIn = [];
    private readonly Queue<byte> _readyIn = new();
    private readonly byte[] _scratch = new byte[4096];

    public string Name => inner.Name;
    public int Baud => inner.Baud;
    /// <summary>Faults that have hit a frame so far.</summary>
    public int Applied { get; private set; }
    /// <summary>Rewrites each HELLO payload the board sends (null: unchanged).</summary>
    public Func<byte[], byte[]>? HelloRewrite { get; init; }

    public FrameFaultLink Drop(bool toBoard, MessageType type, params int[] nth)
    {
        foreach (var n in nth) _faults.Add(new Fault(toBoard, type, n, Corrupt: false));
        return this;
    }

    /// <summary>Every frame of the type, from the first on (a board that never gets it across).</summary>
    public FrameFaultLink DropAll(bool toBoard, MessageType type)
    {
        _faults.Add(new Fault(toBoard, type, 0, Corrupt: false));
        return this;
    }

    public FrameFaultLink Corrupt(bool toBoard, MessageType type, params int[] nth)
    {
        foreach (var n in nth) _faults.Add(new Fault(toBoard, type, n, Corrupt: true));
        return this;
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>(data.Length);
        var start = 0;
        for (var i = 0; i < data.Length; i++)
            if (data[i] == 0)
            {
                output.AddRange(Pass(true, data[start..(i + 1)].ToArray()));
                start = i + 1;
            }
        output.AddRange(data[start..].ToArray()); // the host writes whole frames; anything else passes
        if (output.Count > 0) inner.Write(output.ToArray());
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        if (_readyIn.Count == 0)
        {
            var n = inner.Read(_scratch, timeout);
            for (var i = 0; i < n; i++)
            {
                _partialIn.Add(_scratch[i]);
                if (_scratch[i] != 0) continue;
                foreach (var b in Pass(false, [.. _partialIn])) _readyIn.Enqueue(b);
                _partialIn.Clear();
            }
        }
        var k = 0;
        while (k < buffer.Length && _readyIn.Count > 0) buffer[k++] = _readyIn.Dequeue();
        return k;
    }

    private byte[] Pass(bool toBoard, byte[] wire)
    {
        var raw = new byte[wire.Length];
        var len = Cobs.Decode(wire.AsSpan(0, wire.Length - 1), raw);
        if (len < FrameFormat.Overhead) return wire;
        var type = (MessageType)raw[1];
        if (!toBoard && type == MessageType.Hello && HelloRewrite is not null)
            return FrameFormat.Encode(type, raw[2], HelloRewrite(raw.AsSpan(FrameFormat.HeaderBytes, raw[3]).ToArray()), raw[0]);
        var key = (toBoard, type);
        var count = _seen[key] = _seen.GetValueOrDefault(key) + 1;
        var fault = _faults.FirstOrDefault(f => f.ToBoard == toBoard && f.Type == type && (f.Nth == count || f.Nth == 0));
        if (fault is null) return wire;
        Applied++;
        if (!fault.Corrupt) return [];
        var bad = wire.ToArray();
        var at = bad.Length / 2;
        bad[at] = bad[at] == 0x5A ? (byte)0xA5 : (byte)0x5A; // never 0x00: the frame keeps its place
        return bad;
    }

    public void Discard()
    {
        _partialIn.Clear();
        _readyIn.Clear();
        inner.Discard();
    }

    public void Dispose() => inner.Dispose();

    private sealed record Fault(bool ToBoard, MessageType Type, int Nth, bool Corrupt);
}
