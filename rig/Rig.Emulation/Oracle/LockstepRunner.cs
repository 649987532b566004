using Rig.Gdb;

namespace Rig.Emulation.Oracle;

/// <summary>
/// Steps QEMU (the reference) and the ISS (the candidate) side by side from reset and compares
/// r0-r15 and the xPSR after every step, until the program reaches selftest_done.
///
/// What QEMU does differently in single step (observed with QEMU 7.2, Qqemu.sstep=1, and the
/// reason for the reconciliation below):
/// - A synchronous exception (SVC, UDF -> HardFault) is entered within the step of the
///   instruction: the step ends at the handler's first instruction, as the ISS does.
/// - An exception return (BX LR / POP PC with EXC_RETURN) unstacks within the step, and tail-chains
///   to a pending exception within it too.
/// - An asynchronous exception made pending by a step (STR to ICSR: PendSV, SysTick) is taken by
///   the NEXT step, and that step executes no instruction: it only enters the handler. An ISS may
///   take it at the end of the pending step or at the start of the next one together with the
///   handler's first instruction.
/// - YIELD, WFE and WFI end QEMU's translation block with a CPU exit that swallows the step's
///   debug trap: that step also executes the next instruction. When the reference ran past the
///   candidate after one of these hints, the candidate is stepped once more.
/// So when the two disagree at a step where either side's exception number changed, the side that
/// has not yet made the change (or made it without executing an instruction) is stepped once more
/// and compared again; any other disagreement is a divergence. With QEMU's default step flags
/// (0x7) pended exceptions are never taken while stepping at all, so QemuSession sets 0x1.
/// </summary>
public sealed class LockstepRunner(ILockstepTarget reference, ILockstepTarget candidate, Func<uint, string?>? symbolAt = null)
{
    /// <summary>xPSR bits compared: N Z C V Q, IT/ICI, T, GE[3:0], IPSR.</summary>
    public const uint ComparedXpsrBits = 0xF800_0000 | 0x0600_FC00 | 0x0100_0000 | 0x000F_0000 | 0x1FF;

    static readonly string[] Names = ["r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12", "sp", "lr", "pc"];

    public LockstepResult Run(SelftestImage image, ulong maxSteps)
    {
        var core = image.Machine.CoreName;
        var q = reference.Registers();
        candidate.SeedUnknownResetState(q);
        var i = candidate.Registers();
        ulong compared = 0;
        if (Difference(q, i) is { } first)
            return new LockstepResult(core, image.ProgramName, 0, LockstepEnd.Diverged, Diverge(0, q.Pc, first, q, i));
        for (ulong step = 1; ; step++)
        {
            if (q.Pc == image.DoneAddress) return new LockstepResult(core, image.ProgramName, compared, LockstepEnd.Done, null);
            if (q.Pc == image.UnexpectedAddress) return new LockstepResult(core, image.ProgramName, compared, LockstepEnd.Unexpected, null);
            if (step > maxSteps) return new LockstepResult(core, image.ProgramName, compared, LockstepEnd.StepLimit, null);
            var before = q;
            var beforeIss = i;
            reference.Step();
            try
            {
                candidate.Step();
            }
            catch (LockstepTargetStoppedException e)
            {
                return new LockstepResult(core, image.ProgramName, compared, LockstepEnd.Stopped, null, $"the ISS stopped at step {step} (QEMU at 0x{before.Pc:X8}): {e.Message}");
            }
            q = reference.Registers();
            i = candidate.Registers();
            if (Difference(q, i) is { } difference)
            {
                if (IsSleepHint(before.Pc) && i.Pc != q.Pc)
                {
                    candidate.Step();
                    i = candidate.Registers();
                    if (Difference(q, i) is null) { compared += 2; continue; }
                }
                var boundary = q.ExceptionNumber != before.ExceptionNumber || i.ExceptionNumber != beforeIss.ExceptionNumber;
                if (!boundary) return new LockstepResult(core, image.ProgramName, compared, LockstepEnd.Diverged, Diverge(step, before.Pc, difference, q, i));
                // One side is an exception entry/return behind the other: step it once more.
                if (i.ExceptionNumber == beforeIss.ExceptionNumber && q.ExceptionNumber != before.ExceptionNumber)
                {
                    candidate.Step();
                    i = candidate.Registers();
                }
                else
                {
                    reference.Step();
                    q = reference.Registers();
                }
                if (Difference(q, i) is { } still)
                    return new LockstepResult(core, image.ProgramName, compared, LockstepEnd.Diverged, Diverge(step, before.Pc, still, q, i));
            }
            compared++;
        }
    }

    /// <summary>YIELD, WFE, WFI (16-bit T1, or the 32-bit hint encodings F3AF 800x).</summary>
    bool IsSleepHint(uint pc)
    {
        var hw1 = reference.ReadHalfword(pc);
        if (hw1 is 0xBF10 or 0xBF20 or 0xBF30) return true;
        return hw1 == 0xF3AF && reference.ReadHalfword(pc + 2) is 0x8001 or 0x8002 or 0x8003;
    }

    LockstepDivergence Diverge(ulong step, uint pc, (string Register, uint Qemu, uint Iss) d, CoreRegisters q, CoreRegisters i)
    {
        string instruction;
        try
        {
            var hw1 = reference.ReadHalfword(pc);
            instruction = (hw1 >> 11) is 0b11101 or 0b11110 or 0b11111
                ? $"{hw1:X4} {reference.ReadHalfword(pc + 2):X4}"
                : $"{hw1:X4}";
        }
        catch (Exception e) when (e is GdbProtocolException or Memory.BusFaultException)
        {
            instruction = "(unreadable)";
        }
        return new LockstepDivergence(step, pc, instruction, symbolAt?.Invoke(pc), d.Register, d.Qemu, d.Iss, q.Pc, i.Pc);
    }

    /// <summary>The first differing register (r0..pc, then xpsr under <see cref="ComparedXpsrBits"/>), or null.</summary>
    public static (string Register, uint Qemu, uint Iss)? Difference(CoreRegisters q, CoreRegisters i)
    {
        for (var n = 0; n < 16; n++)
            if (q.R[n] != i.R[n]) return (Names[n], q.R[n], i.R[n]);
        if ((q.Xpsr & ComparedXpsrBits) != (i.Xpsr & ComparedXpsrBits)) return ("xpsr", q.Xpsr, i.Xpsr);
        return null;
    }
}
