namespace Rig.Emulation.Cpu;

/// <summary>What went wrong in a faulting instruction (each escalates to HardFault on these cores).</summary>
public enum FaultKind
{
    /// <summary>UNDEFINED encoding (UDF, a 32-bit encoding ARMv6-M lacks): UsageFault UNDEFINSTR / HardFault.</summary>
    Undefined,
    /// <summary>Unaligned access the core does not allow: UsageFault UNALIGNED / HardFault.</summary>
    Unaligned,
    /// <summary>A data access no region answers: precise BusFault / HardFault.</summary>
    BusError,
    /// <summary>Instruction fetch from an address that is not memory.</summary>
    FetchUnmapped,
    /// <summary>Execution with the T bit clear (BX to an even address, vector without bit 0): INVSTATE.</summary>
    InvalidState,
    /// <summary>An EXC_RETURN value or return state the architecture refuses: INVPC.</summary>
    InvalidReturn,
    /// <summary>A coprocessor instruction with the coprocessor absent or not granted by CPACR: UsageFault NOCP.</summary>
    NoCoprocessor,
    /// <summary>SDIV/UDIV by zero with CCR.DIV_0_TRP set: UsageFault DIVBYZERO.</summary>
    DivideByZero,
}

/// <summary>Thrown by an instruction that faults; the core turns it into a HardFault or a stop.</summary>
public sealed class CpuFaultException(FaultKind kind, uint address, string message) : Exception(message)
{
    public FaultKind Kind { get; } = kind;
    public uint Address { get; } = address;
}
