using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Boards.Common;

/// <summary>
/// A peripheral's level-sensitive interrupt request into the NVIC (an STM32 flag AND its enable, an nRF
/// event AND its INTEN bit, a PL011's masked status). The model calls <see cref="Set"/> with the line's
/// level after every change of its flags or enables; the NVIC keeps the interrupt pending while the line
/// is high and pends it again when its handler returns with the line still high
/// (<see cref="NestedInterrupts.SetIrqLevel"/>).
/// </summary>
public sealed class InterruptLine
{
    readonly ArmCore core;

    public InterruptLine(ArmCore core, int irq)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(irq);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(irq, core.Nvic.Count - ExceptionNumbers.FirstIrq);
        this.core = core;
        Irq = irq;
    }

    public int Irq { get; }

    public bool Level => core.Nvic.IrqLevel(Irq);

    public void Set(bool level) => core.Nvic.SetIrqLevel(Irq, level);
}
