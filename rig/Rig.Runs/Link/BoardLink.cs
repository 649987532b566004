using Rig.Core.Seams;
using Rig.Protocol.Framing;
using Rig.Protocol.Messages;

namespace Rig.Runs.Link;

/// <summary>
/// Frames over one <see cref="ISerialLink"/>: numbers and sends host messages, decodes board
/// messages with bounded waits (measured with the TimeProvider), and remembers the last thing the
/// board said for error messages. Not thread-safe: one reader/writer per board.
/// </summary>
public sealed class BoardLink : IDisposable
{
    private readonly ISerialLink _link;
    private readonly TimeProvider _time;
    private readonly FrameDecoder _decoder = new();
    private readonly List<Frame> _pending = [];
    private readonly List<byte> _outgoing = [];
    private readonly byte[] _buffer = new byte[4096];
    private readonly Dictionary<MessageType, long> _framesByType = [];
    private int _pendingAt;
    private byte _sequence;

    public string Name => _link.Name;
    public int Baud => _link.Baud;
    public long BytesSent { get; private set; }
    public long BytesReceived { get; private set; }
    public long MalformedMessages { get; private set; }
    public long Resyncs { get; private set; }
    /// <summary>Short description of the last message the board sent, or "nothing".</summary>
    public string LastSaid { get; private set; } = "nothing";

    public DecoderCounters Counters => _decoder.Counters;
    /// <summary>Frame version this host writes: v1 (every board reads it) until the board's HELLO says it speaks v2.</summary>
    public byte ProtocolVersion { get; private set; } = FrameFormat.MinVersion;

    /// <summary>Speak the board's version from now on (its HELLO said which), at most the host's own.</summary>
    public void UseVersion(byte boardVersion) =>
        ProtocolVersion = Math.Clamp(boardVersion, FrameFormat.MinVersion, FrameFormat.Version);

    /// <summary>Valid frames received so far, by message type.</summary>
    public IReadOnlyDictionary<MessageType, long> FramesByType => _framesByType;

    /// <summary>Everything received so far, counted (<see cref="LinkTally.Since"/> gives one request's share).</summary>
    public LinkTally Tally()
    {
        var c = _decoder.Counters;
        return new LinkTally(BytesReceived, new Dictionary<MessageType, long>(_framesByType), c.CrcErrors, c.MalformedFrames + c.OversizeFrames, c.GarbageBytes);
    }

    public BoardLink(ISerialLink link, TimeProvider time)
    {
        _link = link;
        _time = time;
    }

    public void Send(MessageType type, ReadOnlySpan<byte> payload = default)
    {
        _ = Queue(type, payload);
        Flush();
    }

    /// <summary>
    /// Adds a frame to the outgoing batch without writing it: several frames then go out in one
    /// write (a serial write costs a round trip through the port's I/O loop, far more than its bytes).
    /// </summary>
    /// <returns>The frame's sequence number (a v2 CREDIT names the AUDIO frame it took by it).</returns>
    public byte Queue(MessageType type, ReadOnlySpan<byte> payload = default)
    {
        var sequence = _sequence++;
        var wire = FrameFormat.Encode(type, sequence, payload, ProtocolVersion);
        _outgoing.AddRange(wire);
        BytesSent += wire.Length;
        return sequence;
    }

    public void Flush()
    {
        if (_outgoing.Count == 0) return;
        _link.Write(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_outgoing));
        _outgoing.Clear();
    }

    /// <summary>The next board message within <paramref name="timeout"/>, or null when none came.</summary>
    public BoardMessage? Receive(TimeSpan timeout)
    {
        var start = _time.GetTimestamp();
        while (true)
        {
            while (_pendingAt < _pending.Count)
            {
                var frame = _pending[_pendingAt++];
                _framesByType[frame.Type] = _framesByType.GetValueOrDefault(frame.Type) + 1;
                try
                {
                    var message = BoardMessage.Parse(frame);
                    LastSaid = Describe(message);
                    return message;
                }
                catch (InvalidDataException e)
                {
                    MalformedMessages++;
                    LastSaid = "a malformed message: " + e.Message;
                }
            }
            _pending.Clear();
            _pendingAt = 0;
            var left = timeout - _time.GetElapsedTime(start);
            var n = _link.Read(_buffer, left < TimeSpan.Zero ? TimeSpan.Zero : left);
            if (n > 0)
            {
                BytesReceived += n;
                _decoder.Push(_buffer.AsSpan(0, n), _pending);
            }
            else if (_time.GetElapsedTime(start) >= timeout) return null;
        }
    }

    /// <summary>Forgets everything in flight (after a board reset): buffers, pending frames, sequence expectations.</summary>
    public void Resync()
    {
        Resyncs++;
        _link.Discard();
        _outgoing.Clear();
        _pending.Clear();
        _pendingAt = 0;
        _decoder.ResetSequence();
        ProtocolVersion = FrameFormat.MinVersion; // the board may come back with other firmware
    }

    public static string Describe(BoardMessage m) => m switch
    {
        Hello h => $"HELLO {h.BoardName} firmware {h.FirmwareVersion} config hash 0x{h.ConfigHash:X8}",
        FeatureColumn f => $"FEATURE column {f.Index}",
        WindowResult r => $"RESULT window {r.Window} class {r.Class}",
        StatsReport => "STATS",
        LogText l => $"LOG \"{l.Text}\"",
        BoardError e => $"ERROR {e.Code} \"{e.Text}\"",
        Credit c => c.NextOffset is uint next ? $"CREDIT {c.Count} (next sample {next})" : $"CREDIT {c.Count}",
        Nak n => $"NAK (next sample {n.NextOffset})",
        CapturedAudio c => $"CAPTURE from sample {c.FirstSample} ({c.Samples.Length} samples)",
        Ack a => $"ACK {a.Acknowledged}",
        Pong p => $"PONG {p.Token}",
        BurstDone b => $"BURST_DONE {b.Request} {b.Status} ({b.Inferences} inferences, {b.Cycles} cycles)",
        _ => m.GetType().Name,
    };

    public void Dispose() => _link.Dispose();
}
