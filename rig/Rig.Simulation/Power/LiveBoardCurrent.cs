using Rig.Core.Seams;
using Rig.Hardware.Power;
using Rig.Simulation.Ina219;

namespace Rig.Simulation.Power;

/// <summary>
/// A running native board's supply current, as the virtual INA219 sees it: the profile's power model
/// (<see cref="BoardPowerModel"/>) at run current while the board's power line says it runs, at sleep current
/// while it sits in board_idle. The same integral over a marked stretch is the truth the measurement is
/// checked against.
/// </summary>
public sealed class LiveBoardCurrent(PowerLine line, BoardPowerModel model, TimeProvider time) : IIna219Inputs, IPowerTruth
{
    /// <summary>The virtual INA219's origin (its seconds count from this timestamp).</summary>
    public long OriginTimestamp { get; set; }

    public double SleepWatts => model.SleepWatts;

    private long Stamp(double seconds) => OriginTimestamp + (long)Math.Round(seconds * time.TimestampFrequency);

    public double MeanCurrentAmps(double fromSeconds, double toSeconds)
    {
        if (!(toSeconds > fromSeconds)) return line.RunningSeconds(Stamp(fromSeconds), Stamp(fromSeconds) + 1) > 0 ? model.RunAmps : model.SleepAmps;
        var running = line.RunningSeconds(Stamp(fromSeconds), Stamp(toSeconds));
        var length = toSeconds - fromSeconds;
        return (running * model.RunAmps + (length - running) * model.SleepAmps) / length;
    }

    public double MeanBusVolts(double fromSeconds, double toSeconds) => model.SupplyVolts;

    public (double Joules, double Seconds)? LastMarkedStretch()
    {
        if (line.LastMarked is not { } m) return null;
        var seconds = (m.Fall - m.Rise) / (double)time.TimestampFrequency;
        var running = line.RunningSeconds(m.Rise, m.Fall);
        return (model.SupplyVolts * (running * model.RunAmps + (seconds - running) * model.SleepAmps), seconds);
    }
}
