using Rig.Protocol.Framing;
using Rig.Protocol.Messages;
using Rig.Runs.Link;

namespace Rig.Runs.Clips;

/// <summary>
/// Protocol v2 AUDIO under credits, go-back-N with a cumulative acknowledgement (PROTOCOL.md, frame
/// recovery): every frame carries its sample offset, every CREDIT the board's next expected offset
/// and the sequence number of the frame it took. Frames in flight are the ones sent after the last
/// frame a CREDIT named (the ones before it were taken or lost), so neither a lost CREDIT nor a lost
/// or merged AUDIO frame holds a credit for longer than the next CREDIT. A NAK sends again from the
/// offset it names; a per-frame timeout from the wire time (no message at all while frames are in
/// flight: the last frames or their credits were lost) sends again from what the board has.
/// Duplicates cost nothing: the board drops them and still returns their credit. Gives up
/// (<see cref="BoardSilentException"/>) only after the session's silence timeout has passed without
/// a single message.
/// </summary>
internal sealed class AudioSender(BoardSession session, Action<BoardMessage> collect)
{
    private readonly List<byte> _inFlight = []; // sequence numbers of the AUDIO frames that may be in the board's ring, oldest first
    private long _acked;

    public void Send(short[] samples, int from, Func<bool>? enough = null)
    {
        var hello = session.Hello;
        var chunk = Math.Max(1, (hello.MaxAudioPayload - HostMessages.AudioHeaderBytes) / 2);
        var frameBytes = Cobs.MaxEncodedLength(HostMessages.AudioHeaderBytes + 2 * chunk + FrameFormat.Overhead) + 1;
        var boardFrameBytes = Cobs.MaxEncodedLength(hello.MaxBoardPayload + FrameFormat.Overhead) + 1;
        // Any message is progress, so the wait covers one AUDIO frame to the board and what the board
        // may send before its CREDIT: the columns of one frame and a result.
        var boardFramesPerAudio = chunk / Math.Max(1, hello.Hop) + 2;
        var recovery = session.Recovery;
        _acked = from;
        _inFlight.Clear();
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
            if (_inFlight.Count < hello.Credits && next < samples.Length)
            {
                while (_inFlight.Count < hello.Credits && next < samples.Length)
                {
                    var n = Math.Min(chunk, samples.Length - next);
                    if (next < sentUpTo) recovery.ResentFrames++;
                    _inFlight.Add(session.Link.Queue(MessageType.Audio, HostMessages.AudioAt((uint)next, samples.AsSpan(next, n))));
                    next += n;
                    sentUpTo = Math.Max(sentUpTo, next);
                }
                session.Link.Flush();
                continue;
            }
            var wait = WireTimeout.For(frameBytes, boardFramesPerAudio * (long)boardFrameBytes, session.Link.Baud);
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
            _inFlight.Clear();
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
                var taken = c.TakenSequence is byte seq ? _inFlight.IndexOf(seq) : -1;
                // A CREDIT naming a frame no longer counted (before a timeout) releases nothing.
                if (taken >= 0) _inFlight.RemoveRange(0, taken + 1);
                if (c.NextOffset is uint acked && acked > _acked) _acked = acked;
                return (int)Math.Max(next, _acked);
            default:
                collect(m);
                return next;
        }
    }
}
