using Rig.Emulation.Boards.Host;

namespace Rig.Emulation.Boards;

/// <summary>
/// Timers on emulated time (<see cref="EmulatedTime.CreateTimer"/>): a session's retry delay or Task.Delay. The
/// board keeps running while the host waits, so a pump runs the core up to the earliest due time and fires what
/// is due; a read that ran the core past a due time fires it too. The session's waits are the only timers, and
/// the session thread blocks on them, so the pump never races the host: a run stays deterministic.
/// </summary>
public sealed partial class EmulatedBoard
{
    readonly object timersGate = new();
    readonly List<EmulatedTimer> timers = [];
    bool pumping;

    internal void Schedule(EmulatedTimer timer)
    {
        lock (timersGate)
        {
            if (!timers.Contains(timer)) timers.Add(timer);
            if (pumping) return;
            pumping = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(_ => Pump(), null);
    }

    internal void Unschedule(EmulatedTimer timer)
    {
        lock (timersGate) timers.Remove(timer);
    }

    void Pump()
    {
        while (true)
        {
            ulong due;
            lock (timersGate)
            {
                due = timers.Count == 0 ? ulong.MaxValue : timers.Min(t => t.DueCycle);
                if (due == ulong.MaxValue)
                {
                    pumping = false;
                    return;
                }
            }
            lock (gate)
            {
                // A board that stopped for good still lets its waiters go: their next link call says why it stopped.
                if (stopped is null && Chip.Core.Cycles < due)
                {
                    try { RunUntil(due, untilFrame: false); }
                    catch (EmulatedBoardStoppedException) { }
                }
            }
            FireDueTimers(stopped is null ? null : ulong.MaxValue);
        }
    }

    /// <summary>Fires every timer due by now (or by <paramref name="at"/>), outside the core's gate.</summary>
    void FireDueTimers(ulong? at = null)
    {
        var now = at ?? Cycles;
        List<EmulatedTimer> due;
        lock (timersGate)
        {
            if (timers.Count == 0) return;
            due = timers.Where(t => t.DueCycle <= now).ToList();
        }
        foreach (var t in due) t.FireIfDue(now);
    }
}
