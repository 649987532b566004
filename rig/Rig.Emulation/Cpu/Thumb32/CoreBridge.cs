namespace Rig.Emulation.Cpu.Thumb32;

/// <summary>
/// The few things the Thumb-2 executor asks of the core besides registers and memory: PC writes
/// (README: BranchWritePc for B/TBB, BxWritePc for LDR/LDM/POP of the PC, so EXC_RETURN lives in
/// the core) and synchronous UsageFaults. Kept in one place so the executor follows the core's API.
/// </summary>
static class CoreBridge
{
    /// <summary>BranchWritePC: B.W, B&lt;c&gt;.W, TBB/TBH (bit 0 ignored).</summary>
    public static void Branch(ArmCore core, uint target) => core.Pc = target & ~1u;

    /// <summary>LoadWritePC = BXWritePC (interworking, EXC_RETURN in handler mode).</summary>
    public static void Interwork(ArmCore core, uint value) => core.Pc = value & ~1u;

    /// <summary>
    /// CPACR.CP10 (and CP11, which must match) grant the FPU: 0b01 privileged only, 0b11 full
    /// (B3.2.20). Read through the System Control Space in the memory map; unmapped means reset (0).
    /// </summary>
    public static bool FpuAccessible(ArmCore core)
    {
        const uint Cpacr = 0xE000_ED88;
        uint cp10 = core.Memory.Find(Cpacr) is null ? 0 : (core.Memory.Read32(Cpacr) >> 20) & 3;
        return cp10 == 3 || (cp10 == 1 && (core.Ipsr != 0 || (core.Control & 1) == 0));
    }

    /// <summary>A synchronous UsageFault (UNALIGNED, DIVBYZERO, NOCP, UNDEFINSTR) raised by the instruction at core.Pc.</summary>
    public static bool UsageFault(ArmCore core, UsageFaultKind kind, uint address = 0) =>
        throw new UsageFaultException(kind, core.Pc, address);
}

/// <summary>The UFSR bits a Thumb-2 instruction can raise (ARMv7-M B3.2.15).</summary>
public enum UsageFaultKind
{
    UndefinedInstruction = 0,
    NoCoprocessor = 3,
    Unaligned = 8,
    DivideByZero = 9,
}

/// <summary>A UsageFault raised while executing the instruction at <see cref="Pc"/>; the core escalates it.</summary>
public sealed class UsageFaultException(UsageFaultKind kind, uint pc, uint address)
    : Exception($"usage fault ({kind}) at pc 0x{pc:X8}{(kind == UsageFaultKind.Unaligned ? $", address 0x{address:X8}" : "")}")
{
    public UsageFaultKind Kind { get; } = kind;
    public uint Pc { get; } = pc;
    public uint Address { get; } = address;
}
