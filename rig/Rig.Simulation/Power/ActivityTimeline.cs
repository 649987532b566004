using Rig.Simulation.Ina219;

namespace Rig.Simulation.Power;

/// <summary>One stretch of constant board current; <see cref="Marker"/> is the marker pin's level.</summary>
public readonly record struct ActivitySegment(double StartSeconds, double EndSeconds, double CurrentAmps, bool Marker);

/// <summary>
/// A board's current over time as back-to-back constant stretches, fed to the virtual INA219. The
/// running charge integral makes every mean exact (what an integrating ADC sees), and gives the truth
/// for energy: supply volts x charge.
/// </summary>
public sealed class ActivityTimeline : IIna219Inputs
{
    private readonly ActivitySegment[] _segments;
    private readonly double[] _chargeAtStart;

    public ActivityTimeline(IReadOnlyList<ActivitySegment> segments, double supplyVolts)
    {
        if (segments.Count == 0) throw new ArgumentException("a timeline needs at least one segment", nameof(segments));
        for (var i = 0; i < segments.Count; i++)
        {
            if (!(segments[i].EndSeconds > segments[i].StartSeconds))
                throw new ArgumentException($"segment {i} has no length ({segments[i].StartSeconds} .. {segments[i].EndSeconds} s)", nameof(segments));
            if (i > 0 && segments[i].StartSeconds != segments[i - 1].EndSeconds)
                throw new ArgumentException($"segment {i} does not start where segment {i - 1} ends", nameof(segments));
        }
        _segments = [.. segments];
        _chargeAtStart = new double[_segments.Length + 1];
        for (var i = 0; i < _segments.Length; i++)
            _chargeAtStart[i + 1] = _chargeAtStart[i] + _segments[i].CurrentAmps * (_segments[i].EndSeconds - _segments[i].StartSeconds);
        SupplyVolts = supplyVolts;
    }

    public double SupplyVolts { get; }
    public double StartSeconds => _segments[0].StartSeconds;
    public double EndSeconds => _segments[^1].EndSeconds;
    public IReadOnlyList<ActivitySegment> Segments => _segments;

    /// <summary>Charge delivered from the timeline's start to <paramref name="t"/>, coulombs (constant beyond the ends).</summary>
    public double ChargeUntil(double t)
    {
        if (t <= StartSeconds) return 0;
        if (t >= EndSeconds) return _chargeAtStart[^1];
        var i = IndexAt(t);
        return _chargeAtStart[i] + _segments[i].CurrentAmps * (t - _segments[i].StartSeconds);
    }

    public double CurrentAt(double t) => _segments[IndexAt(Math.Clamp(t, StartSeconds, EndSeconds))].CurrentAmps;
    public bool MarkerAt(double t) => t >= StartSeconds && t < EndSeconds && _segments[IndexAt(t)].Marker;

    /// <summary>Energy the board drew over [from, to], joules.</summary>
    public double EnergyJoules(double from, double to) => SupplyVolts * (ChargeUntil(to) - ChargeUntil(from));

    /// <summary>First and last instant the marker is high.</summary>
    public (double Start, double Stop)? MarkedWindow()
    {
        var marked = _segments.Where(s => s.Marker).ToList();
        return marked.Count == 0 ? null : (marked[0].StartSeconds, marked[^1].EndSeconds);
    }

    public double MeanCurrentAmps(double fromSeconds, double toSeconds) =>
        toSeconds > fromSeconds ? (ChargeUntil(toSeconds) - ChargeUntil(fromSeconds)) / (toSeconds - fromSeconds) : CurrentAt(fromSeconds);

    public double MeanBusVolts(double fromSeconds, double toSeconds) => SupplyVolts;

    private int IndexAt(double t)
    {
        int lo = 0, hi = _segments.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_segments[mid].StartSeconds <= t) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
