using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Cpu;

/// <summary>
/// Timed devices and sleep: WFI/WFE fast-forward the cycle counter to the next event of a
/// clocked device (SysTick, issue 17's peripherals) instead of executing idle cycles, and stop
/// the run with <see cref="StopReason.SleepForever"/> when nothing can ever wake the core.
/// </summary>
public sealed partial class ArmCore
{
    readonly List<IClocked> clocked = [];

    /// <summary>Raised after each fast-forwarded sleep: (first sleeping cycle, cycle the core woke at). Energy on emulated boards.</summary>
    public event Action<ulong, ulong>? Slept;

    /// <summary>
    /// A device (on the emulator's thread) asks the run to return to its host after the current
    /// instruction or sleep step (<see cref="StopReason.Yield"/>); the next run resumes where it left.
    /// </summary>
    public void Yield() => stop ??= Stop(StopReason.Yield, Pc, "a device handed control back to the host");
    ulong nextEventCycle = ulong.MaxValue;

    /// <summary>After this many device events that wake nothing in one sleep, the sleep is declared endless.</summary>
    const int UselessWakeLimit = 100_000;

    public void AddClocked(IClocked device)
    {
        clocked.Add(device);
        Reschedule();
    }

    /// <summary>Recomputes the next device event (a device calls it when its schedule changed).</summary>
    public void Reschedule()
    {
        var next = ulong.MaxValue;
        foreach (var d in clocked) next = Math.Min(next, d.NextEventCycle);
        nextEventCycle = next;
    }

    void ServiceClocked()
    {
        var now = Cycles;
        // A device's service may schedule another one (a timer triggering a converter) at this very
        // cycle or later: serve until nothing is due, then take the earliest event of them all.
        for (var pass = 0; pass < clocked.Count + 1; pass++)
        {
            var served = false;
            foreach (var d in clocked)
                if (d.NextEventCycle <= now)
                {
                    d.Service(now);
                    served = true;
                }
            if (!served) break;
        }
        Reschedule();
    }

    internal void WaitForInterrupt() => Sleep(wfe: false);

    internal void WaitForEvent()
    {
        if (EventRegister)
        {
            EventRegister = false;
            return;
        }
        Sleep(wfe: true);
    }

    void Sleep(bool wfe)
    {
        for (var useless = 0; ; useless++)
        {
            if (WakeCondition()) return;
            if (wfe && EventRegister)
            {
                EventRegister = false;
                return;
            }
            if (nextEventCycle == ulong.MaxValue)
            {
                StopRun(StopReason.SleepForever, $"{(wfe ? "WFE" : "WFI")} with nothing that can wake the core (no enabled interrupt pending, SysTick {SysTick.Describe()}, no peripheral event scheduled)");
                return;
            }
            if (useless >= UselessWakeLimit)
            {
                StopRun(StopReason.SleepForever, $"{(wfe ? "WFE" : "WFI")}: {useless} timer/peripheral events fired but none can wake the core (interrupts disabled in the NVIC or masked by priority)");
                return;
            }
            var target = Math.Min(nextEventCycle, runLimit);
            if (target > Cycles)
            {
                var from = Cycles;
                SleepCycles += target - from;
                Cycles = target;
                Slept?.Invoke(from, target);
            }
            if (Cycles >= runLimit) return;
            ServiceClocked();
            // A device yielded to the host: WFI ends early (architecturally allowed) and the run returns.
            if (stop is not null) return;
        }
    }
}
