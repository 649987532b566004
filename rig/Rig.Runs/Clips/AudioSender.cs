using Rig.Protocol.Framing;
using Rig.Protocol.Messages;
using Rig.Runs.Link;

namespace Rig.Runs.Clips;

/// <summary>
/// Protocol v2 AUDIO under credits, go-back-N with a cumulative acknowledgement (PROTOCOL.md, frame
/// recovery): every frame carries its sample offset, every CREDIT the board's next expected offset.
/// A NAK sends again from the offset it names; a per-frame timeout from the wire time (no CREDIT or
/// NAK while frames are in flight) takes the credits of lost frames and lost CREDITs back and sends
/// again from what the board has. Duplicates cost nothing: the board drops them and still returns
/// their credit. Gives up (<see cref="BoardSilentException"/>) only after the session's silence
/// timeout has passed without a single message.
/// </summary>
internal sealed class AudioSender(BoardSession session, Action<BoardMessage> collect)
{
    private long _acked;
    private int _inFlight;

    public void Send(short[] samples, int from, Func<bool>? enough = null)
    {
        var hello = session.Hello;
        var chunk = Math.Max(1, (hello.MaxAudioPayload - HostMessages.AudioHeaderBytes) / 2);
        var frameBytes = Cobs.MaxEncodedLength(HostMessages.AudioHeaderBytes + 2 * chunk + FrameFormat.Overhead) + 1;
        var boardFrameBytes = Cobs.MaxEncodedLength(hello.MaxBoardPayload + FrameFormat.Overhead) + 1;
        // Board frames that may come before the awaited CREDIT: the columns (and a result) of each frame in flight.
        var boardFramesPerAudio = chunk / Math.Max(1, hello.Hop) + 2;
        var recovery = session.Recovery;
        _acked = from;
        _inFlight = 0;
        var next = from;
        var sentUpTo = from;
        var silent = TimeSpan.Zero;
        while (_acked < samples.Length && enough?.Invoke() != true)
        {
            while (session.Poll() is { } ready)
            {
                next = Take(ready, next);
                silent = TimeSpan.Zero;
            }
            if (_acked >= samples.Length) break;
            if (_inFlight < hello.Credits && next < samples.Length)
            {
                while (_inFlight < hello.Credits && next < samples.Length)
                {
                    var n = Math.Min(chunk, samples.Length - next);
                    if (next < sentUpTo) recovery.ResentFrames++;
                    session.Link.Queue(MessageType.Audio, HostMessages.AudioAt((uint)next, samples.AsSpan(next, n)));
                    next += n;
                    sentUpTo = Math.Max(sentUpTo, next);
                    _inFlight++;
                }
                session.Link.Flush();
                continue;
            }
            var wait = WireTimeout.For(Math.Max(1, _inFlight) * (long)frameBytes, (Math.Max(1, _inFlight) * boardFramesPerAudio + 1) * (long)boardFrameBytes, session.Link.Baud);
            var m = session.FrameWait.Next(wait, $"waiting for a credit after {next} of {samples.Length} samples (the board has {_acked})", out var waited);
            if (m is not null)
            {
                next = Take(m, next);
                silent = TimeSpan.Zero;
                continue;
            }
            silent += waited;
            if (silent >= session.Options.SilenceTimeout)
                throw new BoardSilentException(
                    $"board {session.BoardId} on {session.Link.Name} went silent for {silent.TotalSeconds:0.#} s while taking audio " +
                    $"(it has {_acked} of {samples.Length} samples, {recovery.ResentFrames} frames re-sent so far); last thing it said: " +
                    $"{session.Link.LastSaid} (link: {session.Link.Counters}, {session.Link.BytesReceived} bytes received)");
            // No CREDIT and no NAK within the wire time: frames or their credits were lost. Take the
            // credits back and go back to what the board has acknowledged.
            recovery.Timeouts++;
            _inFlight = 0;
            next = (int)_acked;
        }
    }

    private int Take(BoardMessage m, int next)
    {
        switch (m)
        {
            case Nak nak:
                session.Recovery.Naks++;
                // A NAK below what a later CREDIT acknowledged is stale: the board has moved on.
                if (nak.NextOffset < _acked) return next;
                _acked = nak.NextOffset;
                return (int)Math.Min(next, nak.NextOffset);
            case Credit c:
                _inFlight = Math.Max(0, _inFlight - c.Count);
                if (c.NextOffset is uint acked && acked > _acked) _acked = acked;
                return (int)Math.Max(next, _acked);
            default:
                collect(m);
                return next;
        }
    }
}
