using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Boards.Common;

/// <summary>
/// A peripheral's interrupt request as a level (an STM32 flag AND its enable, an nRF event AND its
/// INTEN bit), the way the NVIC samples it (ARMv7-M ARM B3.4 "Nested Vectored Interrupt Controller":
/// a level-sensitive interrupt pends while asserted and its handler is not running; when the handler
/// returns with the line still asserted it pends again). The peripheral model calls <see cref="Drive"/>
/// after every change of its flags or enables. While the handler runs with the line asserted this
/// watches for the handler's return (one check per instruction, only then) and pends again if the
/// line is still high: the handler is re-entered rather than tail-chained, the one timing difference.
/// </summary>
public sealed class LevelInterruptLine : IClocked
{
    readonly ArmCore core;
    readonly int exception;
    bool asserted;
    ulong checkAt = ulong.MaxValue;

    public LevelInterruptLine(ArmCore core, int irq)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(irq);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(irq, core.Nvic.Count - ExceptionNumbers.FirstIrq);
        this.core = core;
        Irq = irq;
        exception = ExceptionNumbers.FirstIrq + irq;
        core.AddClocked(this);
    }

    public int Irq { get; }

    public bool Asserted => asserted;

    public void Drive(bool level)
    {
        asserted = level;
        if (!level) return;
        if (!core.Nvic.IsActive(exception)) core.Nvic.RaiseIrq(Irq);
        else if (checkAt == ulong.MaxValue)
        {
            checkAt = core.Cycles + 1;
            core.Reschedule();
        }
    }

    public ulong NextEventCycle => checkAt;

    public void Service(ulong now)
    {
        if (core.Nvic.IsActive(exception))
        {
            checkAt = now + 1;
            return;
        }
        checkAt = ulong.MaxValue;
        if (asserted) core.Nvic.RaiseIrq(Irq);
    }
}
