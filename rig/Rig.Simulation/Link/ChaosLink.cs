using Rig.Core.Runs;
using Rig.Core.Seams;
using Rig.Protocol.Framing;

namespace Rig.Simulation.Link;

/// <summary>
/// A seeded fault injector between host and board, over any <see cref="ISerialLink"/> (the pty of a
/// virtual board or a real port): per-byte drop / bit flip / duplicate in each direction, extra
/// latency, stalls (no byte either way; held bytes go on afterwards) and board resets (a RESET frame
/// toward the board, which any firmware speaking the protocol obeys). Times count from construction
/// on the injected <see cref="TimeProvider"/>.
/// <para>
/// Delayed and stalled bytes wait in queues that Read and Write release when due, so no thread of
/// its own runs: a caller waiting in Read waits on the inner link, at most until the next release.
/// Write and Read may be called from different threads (the queues and the RNGs are locked per direction).
/// </para>
/// </summary>
public sealed class ChaosLink : ISerialLink
{
    private readonly ISerialLink _inner;
    private readonly LineFaults _faults;
    private readonly TimeProvider _time;
    private readonly long _opened;
    private readonly ByteFaulter _toBoard;
    private readonly ByteFaulter _toHost;
    private readonly HeldBytes _outgoing = new();
    private readonly HeldBytes _incoming = new();
    private readonly byte[] _readBuffer = new byte[4096];
    private readonly Lock _writeLock = new();
    private readonly Lock _readLock = new();
    private int _resetsDone;

    public ChaosLink(ISerialLink inner, LineFaults faults, TimeProvider time)
    {
        _inner = inner;
        _faults = faults;
        _time = time;
        _opened = time.GetTimestamp();
        _toBoard = new ByteFaulter(faults.Ber, faults.Kinds, unchecked(faults.Seed * 2));
        _toHost = new ByteFaulter(faults.Ber, faults.Kinds, unchecked(faults.Seed * 2 + 1));
    }

    public string Name => _inner.Name;
    public int Baud => _inner.Baud;

    /// <summary>What has been injected so far.</summary>
    public InjectedFaults Injected
    {
        get
        {
            var now = Elapsed;
            DirectionFaults toBoard, toHost;
            lock (_writeLock) toBoard = _toBoard.Counters;
            lock (_readLock) toHost = _toHost.Counters;
            return new InjectedFaults(_faults.ToString(), toBoard, toHost, _faults.Stalls.Count(s => s.At <= now), Volatile.Read(ref _resetsDone));
        }
    }

    private TimeSpan Elapsed => _time.GetElapsedTime(_opened);

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_writeLock)
        {
            var now = Elapsed;
            InjectResets(now);
            _outgoing.Add(_toBoard.Apply(data), ReleaseTime(now));
            ReleaseOutgoing(now);
        }
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        if (buffer.IsEmpty) return 0;
        lock (_readLock)
        {
            var start = _time.GetTimestamp();
            do
            {
                var now = Elapsed;
                PumpOutgoing(now);
                var n = _incoming.Take(buffer, now);
                if (n > 0) return n;
                var left = timeout - _time.GetElapsedTime(start);
                var wait = Min(left, NextEvent(now) - now);
                var got = _inner.Read(_readBuffer, wait < TimeSpan.Zero ? TimeSpan.Zero : wait);
                if (got > 0)
                {
                    var at = Elapsed;
                    _incoming.Add(_toHost.Apply(_readBuffer.AsSpan(0, got)), ReleaseTime(at));
                }
            }
            while (_time.GetElapsedTime(start) < timeout);
            var end = Elapsed;
            PumpOutgoing(end);
            return _incoming.Take(buffer, end);
        }
    }

    /// <summary>Drops what the inner link and the chaos queues hold (a reset lost whatever was in flight).</summary>
    public void Discard()
    {
        lock (_writeLock) _outgoing.Clear();
        lock (_readLock) _incoming.Clear();
        _inner.Discard();
    }

    public void Dispose() => _inner.Dispose();

    private void PumpOutgoing(TimeSpan now)
    {
        lock (_writeLock)
        {
            InjectResets(now);
            ReleaseOutgoing(now);
        }
    }

    private void InjectResets(TimeSpan now)
    {
        while (_resetsDone < _faults.Resets.Count && _faults.Resets[_resetsDone] <= now)
        {
            // A leading delimiter ends whatever partial frame the board holds, so the RESET frame
            // stands on its own; it bypasses the byte faults (the reset is the fault).
            var frame = FrameFormat.Encode(MessageType.Reset, 0, []);
            var wire = new byte[frame.Length + 1];
            frame.CopyTo(wire, 1);
            _outgoing.Add(wire, ReleaseTime(now));
            Interlocked.Increment(ref _resetsDone);
        }
    }

    private void ReleaseOutgoing(TimeSpan now)
    {
        if (_outgoing.TakeAllDue(now) is { Length: > 0 } due) _inner.Write(due);
    }

    /// <summary>When bytes handed over at <paramref name="now"/> reach the far end: after the delay, and never inside a stall.</summary>
    private TimeSpan ReleaseTime(TimeSpan now)
    {
        var t = now + _faults.Delay;
        // Stalls may overlap or chain; push past each one that covers the time until none does.
        for (var moved = true; moved;)
        {
            moved = false;
            foreach (var s in _faults.Stalls)
                if (s.Covers(t)) { t = s.End; moved = true; }
        }
        return t;
    }

    /// <summary>The next moment something held becomes due or a reset fires (TimeSpan.MaxValue when nothing is scheduled).</summary>
    private TimeSpan NextEvent(TimeSpan now)
    {
        var next = TimeSpan.MaxValue;
        if (_incoming.NextDue is { } i && i > now) next = Min(next, i);
        lock (_writeLock)
        {
            if (_outgoing.NextDue is { } o && o > now) next = Min(next, o);
            if (_resetsDone < _faults.Resets.Count) next = Min(next, Max(now, _faults.Resets[_resetsDone]));
        }
        return next;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
