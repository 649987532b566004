namespace Rig.Emulation.Cpu.Exceptions;

/// <summary>
/// Something that acts at a given core cycle (SysTick; issue 17's peripherals): the core calls
/// <see cref="Service"/> once its cycle counter reaches <see cref="NextEventCycle"/>, and WFI
/// fast-forwards to the earliest one. Call <see cref="ArmCore.Reschedule"/> when it changes.
/// </summary>
public interface IClocked
{
    /// <summary>Cycle of the next event, <see cref="ulong.MaxValue"/> for none.</summary>
    ulong NextEventCycle { get; }

    /// <summary>Handles every event due at or before <paramref name="now"/> (pending interrupts through the NVIC).</summary>
    void Service(ulong now);
}
