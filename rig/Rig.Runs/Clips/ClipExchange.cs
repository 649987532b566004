using Rig.Protocol.Framing;
using Rig.Protocol.Messages;
using Rig.Runs.Link;

namespace Rig.Runs.Clips;

/// <summary>One attempt at one clip: configure, start, stream audio (or listen), stop, collect.</summary>
internal sealed class ClipExchange(BoardSession session, BoardMode mode, int windowColumns, int windowHopColumns, bool stages = false)
{
    private readonly Dictionary<(int Column, int Stage), List<long>> _stages = [];
    private readonly Dictionary<(int Column, int Stage), int> _stageShift = [];
    private readonly List<FeatureColumn> _columns = [];
    private readonly List<WindowResult> _windows = [];
    private readonly List<short> _captured = [];
    private int _credits;

    public ClipCapture Inject(short[] samples)
    {
        Begin(StreamFlags.Features | StreamFlags.Results | (stages ? StreamFlags.Stages : StreamFlags.None));
        var hello = session.Hello;
        var chunk = Math.Max(1, hello.MaxAudioPayload / 2);
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
                    session.Link.Queue(MessageType.Audio, HostMessages.Audio(samples.AsSpan(at, n)));
                    at += n;
                    _credits--;
                }
                session.Link.Flush();
                continue;
            }
            Collect(session.Next($"waiting for a credit after {at} of {samples.Length} samples"));
        }
        return Finish();
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
        var capture = Finish();
        if (!player.Wait(TimeSpan.FromSeconds(10)))
            throw new BoardGarbledException("the clip was captured but playing it has not finished within 10 s");
        player.GetAwaiter().GetResult();
        return capture;
    }

    private void Begin(StreamFlags stream)
    {
        session.Link.Send(MessageType.Configure, HostMessages.Configure(mode, stream, windowColumns, windowHopColumns));
        AwaitAck(MessageType.Configure);
        session.Link.Send(MessageType.Start);
        AwaitAck(MessageType.Start);
    }

    private void AwaitAck(MessageType type)
    {
        while (true)
        {
            var m = session.Next($"waiting for the ACK of {type}");
            if (m is Ack a && a.Acknowledged == type) return;
        }
    }

    private ClipCapture Finish()
    {
        session.Link.Send(MessageType.Stop);
        while (true)
        {
            var m = session.Next("waiting for STATS after STOP");
            if (m is StatsReport stats)
            {
                CheckContiguous();
                return new ClipCapture(_columns, _windows, mode == BoardMode.Acoustic ? _captured.ToArray() : null, stats, 0, [])
                {
                    Stages = _stages.ToDictionary(kv => kv.Key, kv => kv.Key.Stage == 0 ? [.. kv.Value, _stageShift[kv.Key]] : kv.Value.ToArray()),
                };
            }
            Collect(m);
        }
    }

    private void Collect(BoardMessage m)
    {
        switch (m)
        {
            case Credit c: _credits += c.Count; break;
            case FeatureColumn f: _columns.Add(f); break;
            case WindowResult r: _windows.Add(r); break;
            case StageData s:
                var key = ((int)s.Column, s.Stage);
                if (!_stages.TryGetValue(key, out var values)) _stages[key] = values = [];
                if (s.Offset != values.Count)
                    throw new BoardGarbledException($"stage {s.Stage} of column {s.Column} jumped from value {values.Count} to {s.Offset}");
                values.AddRange(s.Values);
                _stageShift[key] = s.Shift;
                break;
            case CapturedAudio a:
                if (a.FirstSample != _captured.Count)
                    throw new BoardGarbledException($"capture jumped from sample {_captured.Count} to {a.FirstSample} (a CAPTURE frame was lost)");
                _captured.AddRange(a.Samples);
                break;
        }
    }

    /// <summary>A lost FEATURE or RESULT frame (CRC error, drop) makes the clip unusable: retry it.</summary>
    private void CheckContiguous()
    {
        for (var i = 0; i < _columns.Count; i++)
            if (_columns[i].Index != i)
                throw new BoardGarbledException($"feature column {i} is missing (got column {_columns[i].Index})");
        for (var i = 0; i < _windows.Count; i++)
            if (_windows[i].Window != i)
                throw new BoardGarbledException($"result of window {i} is missing (got window {_windows[i].Window})");
    }
}
