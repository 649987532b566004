namespace Rig.Emulation.Oracle;

/// <summary>
/// The first point where the ISS and QEMU disagree: the step number, the PC of the instruction that
/// was executed (both sides' PC before it), its halfwords, and the first differing register
/// ("r0".."pc", "xpsr") with both values.
/// </summary>
public sealed record LockstepDivergence(ulong Step, uint Pc, string Instruction, string? Symbol, string Register, uint Qemu, uint Iss, uint QemuPc, uint IssPc)
{
    public override string ToString() =>
        $"step {Step}: after {Instruction} at 0x{Pc:X8}{(string.IsNullOrEmpty(Symbol) ? "" : $" ({Symbol})")}: {Register} QEMU 0x{Qemu:X8}, ISS 0x{Iss:X8}"
        + (Register == "pc" ? "" : $" (next pc QEMU 0x{QemuPc:X8}, ISS 0x{IssPc:X8})");
}

/// <summary>How a lockstep run ended.</summary>
public enum LockstepEnd
{
    /// <summary>Both reached the program's selftest_done loop.</summary>
    Done,
    /// <summary>The program parked in selftest_unexpected (an exception it has no handler for).</summary>
    Unexpected,
    /// <summary>The registers diverged.</summary>
    Diverged,
    /// <summary>The step limit ran out first.</summary>
    StepLimit,
    /// <summary>The ISS stopped the run (<see cref="LockstepResult.Message"/> says why).</summary>
    Stopped,
}

/// <summary>One program on one core: instructions compared (steps at whose end every register agreed) and the first divergence.</summary>
public sealed record LockstepResult(string Core, string Program, ulong Instructions, LockstepEnd End, LockstepDivergence? Divergence, string? Message = null)
{
    public IReadOnlyList<LockstepDivergence> Divergences => Divergence is null ? [] : [Divergence];

    public bool Passed => End == LockstepEnd.Done && Divergence is null;
}
