using Rig.Core.Seams;
using Rig.Core.Profiles;
using Rig.Hardware.Power;

namespace Rig.Simulation.Power;

/// <summary>
/// A virtual board's supply current from the profile's power: section (datasheet figures, cited there):
/// running = base_run_ua + run_ua_per_mhz x clock in MHz, idle = sleep_ua, drawn at supply_v.
/// Turns the work a virtual board reports (cycles per inference) into an activity timeline.
/// </summary>
public sealed record BoardPowerModel(string Board, double SupplyVolts, double RunAmps, double SleepAmps)
{
    public static BoardPowerModel FromProfile(BoardProfile profile)
    {
        var p = profile.Power;
        var runMicroamps = p.BaseRunMicroamps + p.RunMicroampsPerMhz * profile.Board.ClockHz / 1e6;
        return new BoardPowerModel(profile.Name, p.SupplyVolts, runMicroamps * 1e-6, p.SleepMicroamps * 1e-6);
    }

    public double RunWatts => RunAmps * SupplyVolts;
    public double SleepWatts => SleepAmps * SupplyVolts;

    /// <summary>
    /// Idle for <paramref name="idleSeconds"/>, then the marked window: <paramref name="inferences"/> inferences
    /// back to back, inference i lasting CyclesPerInference[i] / CyclesHz at run current, then idle for
    /// <paramref name="tailSeconds"/>.
    /// </summary>
    public ActivityTimeline Burst(BurstReport report, int inferences, double idleSeconds, double tailSeconds)
    {
        if (inferences < 1) throw new ArgumentOutOfRangeException(nameof(inferences), inferences, "at least one inference");
        var segments = new List<ActivitySegment> { new(0, idleSeconds, SleepAmps, false) };
        var t = idleSeconds;
        var windowLength = 0.0;
        for (var i = 0; i < inferences; i++) windowLength += report.SecondsOf(i);
        // Back to back at one current: one segment (the sum keeps each inference's own length).
        segments.Add(new ActivitySegment(t, t + windowLength, RunAmps, true));
        t += windowLength;
        segments.Add(new ActivitySegment(t, t + tailSeconds, SleepAmps, false));
        return new ActivityTimeline(segments, SupplyVolts);
    }

    /// <summary>For the live readout: an inference of <paramref name="activeSeconds"/> every <paramref name="periodSeconds"/>, cut at <paramref name="totalSeconds"/>.</summary>
    public ActivityTimeline Periodic(double periodSeconds, double activeSeconds, double totalSeconds)
    {
        if (!(activeSeconds > 0 && activeSeconds < periodSeconds))
            throw new ArgumentOutOfRangeException(nameof(activeSeconds), activeSeconds, "active time must be positive and shorter than the period");
        var segments = new List<ActivitySegment>();
        for (var n = 0; n * periodSeconds < totalSeconds; n++)
        {
            var t = n * periodSeconds;
            var activeEnd = Math.Min(t + activeSeconds, totalSeconds);
            segments.Add(new ActivitySegment(t, activeEnd, RunAmps, true));
            var end = Math.Min((n + 1) * periodSeconds, totalSeconds);
            if (end > activeEnd) segments.Add(new ActivitySegment(activeEnd, end, SleepAmps, false));
        }
        return new ActivityTimeline(segments, SupplyVolts);
    }
}
