using Rig.Emulation.Cpu;

namespace Rig.Emulation.Cpu.Exceptions;

/// <summary>
/// What the chip vendor chose for the core's exception model: the number of external interrupts,
/// the implemented priority bits (ARMv6-M: always 2; ARMv7-M: 3 to 8) and whether VTOR exists
/// (optional on the Cortex-M0+). From the profile's emulation section.
/// </summary>
public sealed record ExceptionConfig(int Irqs, int PriorityBits, bool HasVtor)
{
    public static ExceptionConfig Default(CoreKind kind) =>
        kind == CoreKind.CortexM0Plus ? new ExceptionConfig(32, 2, true) : new ExceptionConfig(64, 4, true);

    /// <summary>Mask of the implemented (top) bits of an 8-bit priority field.</summary>
    public uint PriorityMask => (0xFF00u >> PriorityBits) & 0xFF;
}
