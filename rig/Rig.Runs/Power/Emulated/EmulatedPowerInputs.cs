using Rig.Core.Seams;
using Rig.Emulation.Boards;
using Rig.Simulation.Ina219;
using Rig.Simulation.Power;

namespace Rig.Runs.Power.Emulated;

/// <summary>
/// An emulated board's supply current as the virtual INA219 sees it: the profile's power model
/// (<see cref="BoardPowerModel"/>) at run current while the emulated core executes, at sleep current while it sleeps
/// in WFI (<see cref="Emulation.Boards.Host.CoreActivity"/>), timed in core cycles. A conversion waits until the board's
/// history covers it; when the host has left the board alone for a while (the series ended) the sampler runs the core
/// itself. The same integral over the last marked stretch is the truth the measurement is checked against.
/// </summary>
public sealed class EmulatedPowerInputs(EmulatedBoard board, BoardPowerModel model) : IIna219Inputs, IPowerTruth
{
    /// <summary>How long a conversion waits for the host to run the board before running it itself.</summary>
    private static readonly TimeSpan HostGrace = TimeSpan.FromMilliseconds(20);

    /// <summary>Longest wait for the board's history (host time).</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>The INA219's origin in core cycles (its seconds count from here).</summary>
    public long OriginTimestamp { get; set; }

    public double SleepWatts => model.SleepWatts;

    private ulong Cycle(double seconds) => (ulong)Math.Max(0, OriginTimestamp + Math.Round(seconds * board.ClockHz));

    public double MeanCurrentAmps(double fromSeconds, double toSeconds)
    {
        var from = Cycle(fromSeconds);
        var to = Math.Max(from + 1, Cycle(toSeconds));
        AwaitHistory(to);
        var running = board.Activity.RunningCycles(from, to);
        return (running * model.RunAmps + (to - from - running) * model.SleepAmps) / (to - from);
    }

    public double MeanBusVolts(double fromSeconds, double toSeconds) => model.SupplyVolts;

    public (double Joules, double Seconds)? LastMarkedStretch()
    {
        if (board.Activity.LastMarked() is not { } m) return null;
        var running = board.Activity.RunningCycles(m.Rise, m.Fall);
        var all = m.Fall - m.Rise;
        return (model.SupplyVolts * (running * model.RunAmps + (all - running) * model.SleepAmps) / board.ClockHz, all / (double)board.ClockHz);
    }

    private void AwaitHistory(ulong cycle)
    {
        var activity = board.Activity;
        if (activity.KnownUntil >= cycle) return;
        using var moved = new ManualResetEventSlim();
        void Wake() => moved.Set();
        activity.Advanced += Wake;
        try
        {
            var start = Environment.TickCount64;
            var lastProgress = start;
            var seen = activity.KnownUntil;
            while (activity.KnownUntil < cycle)
            {
                if (board.Stopped is { } stopped) throw new TimeoutException($"the emulated board stopped before the INA219's conversion ended: {stopped.Stop}");
                var now = Environment.TickCount64;
                if (activity.KnownUntil != seen) { seen = activity.KnownUntil; lastProgress = now; }
                // Bounded by the board standing still, not by the wait's length: on a loaded host the board may be
                // slow (a few % of a core) yet moving, and the conversion is then only late.
                if (now - lastProgress > Limit.TotalMilliseconds)
                    throw new TimeoutException($"the INA219 waited {Limit.TotalSeconds:0} s for the emulated board to move toward cycle {cycle} (it stands at {activity.KnownUntil}, {(now - start) / 1000.0:0.#} s since the conversion began)");
                // The host stopped running the board (it waits for the sampler, or the series is over): run it ourselves.
                if (now - lastProgress > HostGrace.TotalMilliseconds && board.TryRunTo(cycle)) continue;
                moved.Wait(TimeSpan.FromMilliseconds(5));
                moved.Reset();
            }
        }
        finally
        {
            activity.Advanced -= Wake;
        }
    }
}
