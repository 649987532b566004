using Rig.Protocol.Framing;
using Rig.Protocol.Messages;
using Rig.Runs.Link;

namespace Rig.Runs.Clips;

/// <summary>
/// One attempt at one clip: configure, start, stream audio (or listen), stop, collect. With a board
/// that recovers frames (HELLO v2 capability 0x01) a lost or corrupt frame costs a frame: AUDIO is
/// sent go-back-N (<see cref="AudioSender"/>), requests are sent again on a wire-time timeout, and
/// missing FEATURE/RESULT frames are replayed from the window hop before them (START at a column).
/// Only what frame recovery cannot mend throws a <see cref="BoardLinkException"/> (the session then
/// retries the clip whole); a v1 board gets exactly that for every gap.
/// </summary>
internal sealed class ClipExchange(BoardSession session, BoardMode mode, int windowColumns, int windowHopColumns, bool stages = false)
{
    /// <summary>Replay rounds after the first pass (each replays every range still missing).</summary>
    private const int MaxReplayRounds = 4;

    private readonly Dictionary<(int Column, int Stage), List<long>> _stages = [];
    private readonly Dictionary<(int Column, int Stage), int> _stageShift = [];
    private readonly Dictionary<(int Window, int Layer), List<sbyte>> _layers = [];
    private readonly ClipFrames _frames = new(windowColumns, windowHopColumns);
    private readonly List<short> _captured = [];
    private readonly bool _recovery = session.Hello.FrameRecovery;
    private bool _replaying;
    private int _credits;

    public ClipCapture Inject(short[] samples)
    {
        Begin(StreamFlags.Features | StreamFlags.Results | (stages ? StreamFlags.Stages : StreamFlags.None));
        if (!_recovery) return InjectV1(samples);
        var sender = new AudioSender(session, Collect);
        sender.Send(samples, 0);
        var stats = Stop();
        // Debug stages are not replayed (their frames are per column and stage, and only for locating a divergence).
        for (var round = 0; !stages; round++)
        {
            var missing = _frames.Missing(stats.Columns, stats.Windows);
            if (missing.Count == 0) break;
            if (round == MaxReplayRounds)
                throw new BoardGarbledException(
                    $"{missing.Count} column ranges still missing after {MaxReplayRounds} replay rounds " +
                    $"(first: columns {missing[0].First}..{missing[0].End - 1}; {session.Recovery.Replays} replays so far)");
            foreach (var range in missing) Replay(samples, range, stats, sender);
        }
        return Capture(stats);
    }

    /// <summary>
    /// Debug: the model's layers of window <paramref name="window"/> (LAYER frames, stream flag 16). The stream starts
    /// at the window's first column (a board without frame recovery: at column 0) and gets the audio up to
    /// <paramref name="endSample"/>, the window's last column; not replayed (a lost slice reads as differing).
    /// </summary>
    public ClipCapture InjectLayers(short[] samples, int window, int endSample)
    {
        var first = _recovery ? (uint)(window * windowHopColumns) : 0u;
        Begin(StreamFlags.Results | StreamFlags.Layers, first);
        var audio = samples[..Math.Min(samples.Length, endSample)];
        var from = checked((int)(first * (uint)session.Hello.Hop));
        if (_recovery) new AudioSender(session, Collect).Send(audio, from);
        else return InjectV1(audio);
        return Capture(Stop(), checkComplete: false);
    }

    public ClipCapture Acoustic(int expectedSamples, Action play)
    {
        Begin(StreamFlags.Features | StreamFlags.Results | StreamFlags.Capture);
        var player = Task.Run(play);
        while (_captured.Count < expectedSamples)
        {
            if (player.IsFaulted) player.GetAwaiter().GetResult();
            Collect(session.Next($"listening ({_captured.Count} of {expectedSamples} samples captured)"));
        }
        // CAPTURE frames are real time and cannot be replayed: acoustic clips are retried whole.
        var capture = Capture(Stop());
        if (!player.Wait(TimeSpan.FromSeconds(10)))
            throw new BoardGarbledException("the clip was captured but playing it has not finished within 10 s");
        player.GetAwaiter().GetResult();
        return capture;
    }

    /// <summary>
    /// Boards without frame recovery: AUDIO under counted credits (v1 without offsets; a v2 board
    /// without capability 0x01 still reads offsets); any loss makes the clip unusable.
    /// </summary>
    private ClipCapture InjectV1(short[] samples)
    {
        var hello = session.Hello;
        var offsets = hello.ProtocolVersion >= 2;
        var chunk = Math.Max(1, (hello.MaxAudioPayload - (offsets ? HostMessages.AudioHeaderBytes : 0)) / 2);
        _credits = hello.Credits;
        var at = 0;
        while (at < samples.Length || _credits < hello.Credits)
        {
            // Take in everything already here (credits above all), then send as many chunks as
            // the credits allow in one write; block only when there is nothing else to do.
            while (session.Poll() is { } ready) Collect(ready);
            if (at == samples.Length && _credits >= hello.Credits) break;
            if (_credits > 0 && at < samples.Length)
            {
                while (_credits > 0 && at < samples.Length)
                {
                    var n = Math.Min(chunk, samples.Length - at);
                    var audio = samples.AsSpan(at, n);
                    session.Link.Queue(MessageType.Audio, offsets ? HostMessages.AudioAt((uint)at, audio) : HostMessages.Audio(audio));
                    at += n;
                    _credits--;
                }
                session.Link.Flush();
                continue;
            }
            Collect(session.Next($"waiting for a credit after {at} of {samples.Length} samples"));
        }
        return Capture(Stop());
    }

    /// <summary>
    /// Restarts the stream at the range's first column (a window hop boundary, so window indices line
    /// up) and sends audio from that column's first sample until the range has come (or the clip ends).
    /// </summary>
    private void Replay(short[] samples, ReplayRange range, StatsReport stats, AudioSender sender)
    {
        session.Recovery.Replays++;
        _replaying = true;
        Request(MessageType.Start, HostMessages.Start(range.First), m => m is Ack { Acknowledged: MessageType.Start }, $"waiting for the ACK of START at column {range.First}");
        var from = checked((int)(range.First * (uint)session.Hello.Hop));
        sender.Send(samples, from, () => _frames.Has(range.First, range.End, stats.Columns, stats.Windows));
        Stop();
        _replaying = false;
    }

    private void Begin(StreamFlags stream, uint firstColumn = 0)
    {
        Request(MessageType.Configure, HostMessages.Configure(mode, stream, windowColumns, windowHopColumns),
            m => m is Ack { Acknowledged: MessageType.Configure }, "waiting for the ACK of CONFIGURE");
        // START in acoustic mode starts the microphone: sent once (a second START would restart the capture).
        Request(MessageType.Start, HostMessages.Start(firstColumn), m => m is Ack { Acknowledged: MessageType.Start },
            $"waiting for the ACK of START{(firstColumn == 0 ? "" : $" at column {firstColumn}")}", resend: mode == BoardMode.Inject);
    }

    private StatsReport Stop() =>
        (StatsReport)Request(MessageType.Stop, [], m => m is StatsReport, "waiting for STATS after STOP");

    /// <summary>
    /// Sends a request and reads up to its answer, collecting whatever streams in before it. With frame
    /// recovery an idempotent request (CONFIGURE, START before audio, STOP) is sent again when nothing
    /// at all arrives within the wire-time timeout; the session's silence timeout still bounds the wait.
    /// </summary>
    private BoardMessage Request(MessageType type, byte[] payload, Func<BoardMessage, bool> isAnswer, string waitingFor, bool resend = true)
    {
        session.Link.Send(type, payload);
        resend &= _recovery;
        var silent = TimeSpan.Zero;
        var sent = 1;
        while (true)
        {
            BoardMessage? m;
            if (!resend) m = session.Next(waitingFor);
            else
            {
                var board = Cobs.MaxEncodedLength(session.Hello.MaxBoardPayload + FrameFormat.Overhead) + 1;
                var wait = WireTimeout.For(Cobs.MaxEncodedLength(payload.Length + FrameFormat.Overhead) + 1, board, session.Link.Baud);
                m = session.FrameWait.Next(wait, waitingFor, out var waited);
                if (m is null)
                {
                    silent += waited;
                    if (silent >= session.Options.SilenceTimeout)
                        throw new BoardSilentException(
                            $"board {session.BoardId} on {session.Link.Name} went silent for {silent.TotalSeconds:0.#} s while {waitingFor} " +
                            $"({type} sent {sent} times); last thing it said: {session.Link.LastSaid} " +
                            $"(link: {session.Link.Counters}, {session.Link.BytesReceived} bytes received)");
                    session.Recovery.Timeouts++;
                    session.Recovery.ResentFrames++;
                    session.Link.Send(type, payload);
                    sent++;
                    continue;
                }
                silent = TimeSpan.Zero;
            }
            if (isAnswer(m)) return m;
            Collect(m);
        }
    }

    private ClipCapture Capture(StatsReport stats, bool checkComplete = true)
    {
        // Without replays (v1 boards, debug stages, acoustic mode) every column and window must have come the first time.
        if (checkComplete && (!_recovery || stages || mode == BoardMode.Acoustic)) _frames.CheckComplete(stats);
        return new ClipCapture(_frames.Columns, _frames.Windows, mode == BoardMode.Acoustic ? _captured.ToArray() : null, stats, 0, [])
        {
            Stages = _stages.ToDictionary(kv => kv.Key, kv => kv.Key.Stage == 0 ? [.. kv.Value, _stageShift[kv.Key]] : kv.Value.ToArray()),
            Layers = _layers.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
        };
    }

    private void Collect(BoardMessage m)
    {
        switch (m)
        {
            case Credit c: _credits += c.Count; break;
            case FeatureColumn f: _frames.Add(f); break;
            case WindowResult r:
                if (_frames.Add(r) && _replaying) session.Recovery.ReplayedWindows++;
                break;
            case StageData s:
                var key = ((int)s.Column, s.Stage);
                if (!_stages.TryGetValue(key, out var values)) _stages[key] = values = [];
                if (s.Offset != values.Count)
                    throw new BoardGarbledException($"stage {s.Stage} of column {s.Column} jumped from value {values.Count} to {s.Offset}");
                values.AddRange(s.Values);
                _stageShift[key] = s.Shift;
                break;
            case LayerData l:
                var at = ((int)l.Window, l.Layer);
                if (!_layers.TryGetValue(at, out var layer)) _layers[at] = layer = [];
                if (l.Offset != layer.Count)
                    throw new BoardGarbledException($"layer {l.Layer} of window {l.Window} jumped from value {layer.Count} to {l.Offset}");
                layer.AddRange(l.Values);
                break;
            case CapturedAudio a:
                if (a.FirstSample != _captured.Count)
                    throw new BoardGarbledException($"capture jumped from sample {_captured.Count} to {a.FirstSample} (a CAPTURE frame was lost)");
                _captured.AddRange(a.Samples);
                break;
        }
    }
}
