using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Cpu.Thumb32;

/// <summary>
/// The few things the Thumb-2 executor asks of the core besides registers and memory: PC writes
/// (README: BranchWritePc for B/TBB, BxWritePc for LDR/LDM/POP of the PC, so EXC_RETURN lives in
/// the core), synchronous UsageFaults, and the SCB bits that gate instructions (CPACR, CCR).
/// </summary>
static class CoreBridge
{
    /// <summary>BranchWritePC: B.W, B&lt;c&gt;.W, TBB/TBH (bit 0 ignored).</summary>
    public static void Branch(ArmCore core, uint target) => core.BranchWritePc(target);

    /// <summary>LoadWritePC = BXWritePC (interworking, EXC_RETURN in handler mode).</summary>
    public static void Interwork(ArmCore core, uint value) => core.BxWritePc(value);

    /// <summary>A synchronous UsageFault raised by the instruction at core.Pc; the core escalates it (HardFault or a stop).</summary>
    public static bool UsageFault(ArmCore core, FaultKind kind, uint address = 0) =>
        throw new CpuFaultException(kind, address == 0 ? core.Pc : address, kind switch
        {
            FaultKind.NoCoprocessor => "floating-point instruction with CP10/CP11 not granted by CPACR (NOCP)",
            FaultKind.DivideByZero => "divide by zero with CCR.DIV_0_TRP set (DIVBYZERO)",
            FaultKind.Unaligned => $"unaligned access to 0x{address:X8} by an instruction that needs alignment (UNALIGNED)",
            _ => kind.ToString(),
        });

    /// <summary>CCR.DIV_0_TRP (B3.2.8).</summary>
    public static bool DivideByZeroTraps(ArmCore core) => core.Scs.DivideByZeroTraps;

    /// <summary>
    /// CPACR.CP10 (CP11 must match) grants the FPU: 0b01 privileged only, 0b11 full (B3.2.20).
    /// An FP instruction that executes sets CONTROL.FPCA when FPCCR.ASPEN is set (B3.2.19), so the
    /// next exception entry knows an FP context is live.
    /// </summary>
    public static bool FpuAccessible(ArmCore core)
    {
        uint cp10 = (core.Scs.Cpacr >> 20) & 3;
        if (!(cp10 == 3 || (cp10 == 1 && core.Privileged))) return false;
        if ((core.Scs.Fpccr & 0x8000_0000) != 0) core.Control |= 4;
        return true;
    }
}
