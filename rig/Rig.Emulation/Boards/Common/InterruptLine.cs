using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Boards.Common;

/// <summary>
/// A peripheral's level-sensitive interrupt request into the NVIC (an STM32 flag AND its enable, an nRF
/// event AND its INTEN bit; ARMv6-M ARM B3.4.1, ARMv7-M ARM B3.4: an asserted
/// line pends its interrupt; one still asserted when its handler returns pends it again). The model
/// calls <see cref="Set"/> with the line's level after every change of its flags or enables. A rising
/// edge pends at once (also while the handler runs, as the NVIC latches it). While the line stays high
/// and the interrupt is neither pending (its NVIC pend cleared, or its handler entered) the line is
/// re-checked every cycle, so a handler that returns without clearing the cause is entered again.
/// </summary>
public sealed class InterruptLine : IClocked
{
    readonly ArmCore core;
    readonly int exception;
    ulong checkAt = ulong.MaxValue;

    public InterruptLine(ArmCore core, int irq)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(irq);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(irq, core.Nvic.Count - ExceptionNumbers.FirstIrq);
        this.core = core;
        Irq = irq;
        exception = ExceptionNumbers.FirstIrq + irq;
        core.AddClocked(this);
    }

    public int Irq { get; }

    public bool Level { get; private set; }

    public void Set(bool level)
    {
        var rising = level && !Level;
        Level = level;
        if (rising) core.Nvic.RaiseIrq(Irq);
        Check(core.Cycles);
    }

    public ulong NextEventCycle => checkAt;

    public void Service(ulong now) => Check(now);

    void Check(ulong now)
    {
        var next = ulong.MaxValue;
        if (Level && !core.Nvic.IsPending(exception))
        {
            if (core.Nvic.IsActive(exception)) next = now + 1;
            else core.Nvic.RaiseIrq(Irq);
        }
        if (next == checkAt) return;
        checkAt = next;
        core.Reschedule();
    }
}
