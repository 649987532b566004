namespace Rig.Emulation.Cpu;

/// <summary>Why a run ended.</summary>
public enum StopReason
{
    /// <summary>A BKPT instruction (no debugger attached: the emulator is the debugger).</summary>
    Breakpoint,
    /// <summary>The cycle budget of the run is spent.</summary>
    MaxCycles,
    /// <summary>The image faulted: HardFault taken (when the run stops on faults), lockup, invalid EXC_RETURN.</summary>
    Fault,
    /// <summary>An encoding the emulator does not implement (never executed as a NOP).</summary>
    Unimplemented,
    /// <summary>A load, store or instruction fetch outside every region, or a peripheral register not modelled.</summary>
    UnmappedAccess,
    /// <summary>The image asked to end (semihosting SYS_EXIT: BKPT 0xAB with r0 = 0x18).</summary>
    Exit,
    /// <summary>WFI/WFE with nothing enabled that could ever wake the core.</summary>
    SleepForever,
    /// <summary>The image requested a system reset (AIRCR.SYSRESETREQ).</summary>
    ResetRequested,
    /// <summary>A device asked the run to hand control back to its host (<see cref="ArmCore.Yield"/>: bytes arrived for the rig); run again to go on.</summary>
    Yield,
}

/// <summary>
/// How a run ended: <see cref="Pc"/> is the instruction that stopped it (the BKPT, the faulting
/// load, the WFI; the target of a jump to unmapped memory; the next instruction to execute when
/// the budget ran out), <see cref="Symbol"/> the ELF function it lies in ("" without symbols),
/// <see cref="Address"/> the data address of an access stop.
/// </summary>
public sealed record EmulationStop(StopReason Reason, uint Pc, string Symbol, string Message, uint? Address = null)
{
    /// <summary>One line: reason, PC, symbol, message.</summary>
    public override string ToString() =>
        $"{Reason} at pc 0x{Pc:X8}{(Symbol.Length > 0 ? $" ({Symbol})" : "")}: {Message}";
}
