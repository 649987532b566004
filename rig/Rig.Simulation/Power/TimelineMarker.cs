using Rig.Core.Seams;
using Rig.Hardware.Power;

namespace Rig.Simulation.Power;

/// <summary>The virtual board's marker pin: high where the timeline says a window runs.</summary>
public sealed class TimelineMarker(ActivityTimeline timeline, TimeProvider clock) : IMarkerInput
{
    public bool Read() => timeline.MarkerAt(clock.GetTimestamp() / (double)clock.TimestampFrequency);

    public void Arm() { }

    public (long Start, long Stop)? Window => timeline.MarkedWindow() is { } w
        ? ((long)Math.Round(w.Start * clock.TimestampFrequency), (long)Math.Round(w.Stop * clock.TimestampFrequency))
        : null;

    public void Dispose() { }
}
