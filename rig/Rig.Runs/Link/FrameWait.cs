using Rig.Protocol.Messages;

namespace Rig.Runs.Link;

/// <summary>
/// The per-frame wait of frame recovery: at least the wire-time timeout (<see cref="WireTimeout"/>),
/// raised to what this link has shown (smoothed wait for the next message plus four mean deviations,
/// as TCP does with round trips) so a busy host or a slow USB bridge does not turn every hiccup into
/// resends, and doubled after each timeout in a row. A wait that gets a message feeds the estimate.
/// </summary>
internal sealed class FrameWait(BoardSession session, TimeProvider time)
{
    private double _smoothed = -1, _deviation;
    private int _misses;

    /// <summary>The next message, or null after the per-frame timeout (<paramref name="waited"/> then says how long).</summary>
    public BoardMessage? Next(TimeSpan wireTimeout, string waitingFor, out TimeSpan waited)
    {
        var timeout = Timeout(wireTimeout);
        var start = time.GetTimestamp();
        var m = session.Within(timeout, waitingFor);
        waited = time.GetElapsedTime(start);
        if (m is null)
        {
            _misses = Math.Min(_misses + 1, 6);
            waited = waited < timeout ? timeout : waited;
            return null;
        }
        _misses = 0;
        Observe(waited.TotalSeconds);
        return m;
    }

    public TimeSpan Timeout(TimeSpan wireTimeout)
    {
        var learned = _smoothed < 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(_smoothed + 4 * _deviation);
        var t = (learned > wireTimeout ? learned : wireTimeout) * (1 << _misses);
        var cap = session.Options.SilenceTimeout / 2;
        return t < cap ? t : cap;
    }

    private void Observe(double seconds)
    {
        if (_smoothed < 0)
        {
            _smoothed = seconds;
            _deviation = seconds / 2;
            return;
        }
        _deviation = 0.75 * _deviation + 0.25 * Math.Abs(_smoothed - seconds);
        _smoothed = 0.875 * _smoothed + 0.125 * seconds;
    }
}
