using Rig.Emulation.Cpu;
using Rig.Gdb;

namespace Rig.Emulation.Oracle;

/// <summary>
/// The rig's ISS as the lockstep candidate: one <see cref="ArmCore.Step"/> per step (it takes a
/// pending exception at the start of the step together with the handler's first instruction,
/// which LockstepRunner reconciles with QEMU's entry-only step). A stop of the core (an
/// unimplemented encoding, a fault it cannot take) ends the comparison with its message.
/// </summary>
public sealed class IssLockstepTarget(ArmCore core) : ILockstepTarget
{
    public ArmCore Core { get; } = core;

    public CoreRegisters Registers()
    {
        var r = Core.R.ToArray();
        r[15] = Core.Pc;
        return new CoreRegisters(r, Core.Xpsr);
    }

    public void Step()
    {
        if (Core.Step() is { } stop)
            throw new LockstepTargetStoppedException(stop.ToString());
    }

    public ushort ReadHalfword(uint address) => (ushort)Core.Memory.Read16(address);

    public void SeedUnknownResetState(CoreRegisters reference)
    {
        for (var n = 0; n < 13; n++) Core.R[n] = reference.R[n];
        Core.R[14] = reference.R[14];
        Core.N = (reference.Xpsr & (1u << 31)) != 0;
        Core.Z = (reference.Xpsr & (1u << 30)) != 0;
        Core.C = (reference.Xpsr & (1u << 29)) != 0;
        Core.V = (reference.Xpsr & (1u << 28)) != 0;
        Core.Q = (reference.Xpsr & (1u << 27)) != 0;
    }
}
