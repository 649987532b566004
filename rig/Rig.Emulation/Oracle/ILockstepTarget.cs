using Rig.Gdb;

namespace Rig.Emulation.Oracle;

/// <summary>
/// One side of the lockstep: QEMU through its gdbstub (<see cref="QemuLockstepTarget"/>) or the
/// rig's ISS. <see cref="Step"/> runs one step as that side defines it (an instruction, possibly
/// with an exception entry or return: LockstepRunner reconciles the two definitions).
/// </summary>
public interface ILockstepTarget
{
    CoreRegisters Registers();
    void Step();
    ushort ReadHalfword(uint address);

    /// <summary>
    /// Takes the values the architecture leaves UNKNOWN at reset (r0-r12, LR, the APSR flags)
    /// from the reference, so the comparison starts from one state; QEMU ignores it.
    /// </summary>
    void SeedUnknownResetState(CoreRegisters reference);
}

/// <summary>A target ended the run during a step (the ISS's EmulationStop: an unimplemented encoding, a fault it cannot take).</summary>
public sealed class LockstepTargetStoppedException(string message) : Exception(message);
