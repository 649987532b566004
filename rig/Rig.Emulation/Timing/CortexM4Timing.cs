using Rig.Emulation.Memory;

namespace Rig.Emulation.Timing;

/// <summary>
/// Cortex-M4 cycle timing from the Cortex-M4 TRM, ARM DDI 0439, section 3.3 "Instruction set
/// summary": Table 3-1 (cycles per instruction, zero wait states) and 3.3.2 "Load/store timings"
/// (which neighbouring loads and stores pipeline).
///
/// P, the pipeline refill of a taken branch, is "1 to 3 depending on the alignment and width of
/// the target instruction, and whether the processor manages to speculate the address early"
/// (Table 3-1 key). This model makes that rule explicit:
///   - immediate-target branches (B, B&lt;c&gt;, BL, CBZ/CBNZ) are speculated in decode: P = 1;
///   - register-target branches (BX, BLX, MOV/ADD PC) learn the target in execute: P = 2;
///   - either +1 when the target is a 32-bit instruction at a halfword (not word) address, which
///     needs a second fetch before it can decode (capped at 3);
///   - loads into the PC and TBB/TBH: P = 3, "three cycles for the pipeline reload" (3.3.2).
///
/// Memory (documented assumption, no cache model): sequential instruction fetches are hidden by
/// the prefetch buffer / flash accelerator (STM32L4 ART with prefetch, nRF52840 NVMC), so they
/// cost nothing extra; a taken branch refetches from its target and pays that region's
/// <see cref="MemoryMap.WaitStates"/> once; every data word a load or store transfers pays the wait
/// states of its address. SRAM regions have 0 wait states, so only flash (literal pools, const
/// tables, branch targets) is charged.
///
/// Not modelled: the extra cycle of a load/store whose address depends on the preceding ALU
/// result, and the possible fetch contention of LDR Rx,[PC,#imm] (3.3.2 says "might").
///
/// Fields of <see cref="Retired"/> this model reads: for single loads/stores/exclusives
/// <c>Operand</c> = mask of registers the instruction loads, <c>Operand2</c> = mask of registers
/// its address uses (pipelining); <c>Registers</c> = 2 marks LDRD/STRD; for taken branches
/// <c>Operand</c> = the target address (0 = not reported: the branch's own region); for <see cref="OpClass.Divide"/> <c>Operand</c>/<c>Operand2</c>
/// = |dividend| / |divisor|; <see cref="OpClass.Barrier"/> with <c>Taken</c> = ISB (flushes the pipeline).
/// </summary>
public sealed class CortexM4Timing(MemoryMap memory) : ICycleModel
{
    /// <summary>P of an immediate-target branch speculated in decode (see the class comment).</summary>
    public const int RefillSpeculated = 1;

    /// <summary>P of a register-target branch.</summary>
    public const int RefillRegister = 2;

    /// <summary>P of a load into the PC and TBB/TBH (3.3.2: "three cycles for the pipeline reload").</summary>
    public const int RefillLoad = 3;

    // State of the load/store pipelining rule (3.3.2 "LDR [any] are pipelined when possible").
    bool previousLoadPipelines;
    uint previousLoadDestinations;

    /// <summary>Exception entry: "a maximum of twelve cycle latency from asserting the interrupt to
    /// execution of the first instruction of the ISR" with zero wait states, no FP context (the
    /// Cortex-M4 exception model, e.g. TI SLAU356 1.5.8 "Exception Entry and Return").</summary>
    public int ExceptionEntry => 12;

    /// <summary>Exception return: "returns from interrupts take twelve cycles" (same source; tail-chaining, 6, is not modelled).</summary>
    public int ExceptionReturn => 12;

    /// <summary>An IT-skipped instruction still issues: 1 cycle (Table 3-1: IT and each conditional instruction).</summary>
    public int ConditionFailed(uint pc)
    {
        previousLoadPipelines = false;
        return 1;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int Cycles(in Retired op, uint pc)
    {
        // The common classes inline into the executor (their class is a constant there, so only
        // one of these branches is left); the same rules as OtherCycles, which has their comments.
        switch (op.Class)
        {
            case OpClass.Alu or OpClass.Floating or OpClass.Multiply or OpClass.MultiplyAccumulate:
                previousLoadPipelines = false;
                return 1;
            case OpClass.Load when op.Registers < 2:
            {
                bool pipelined = previousLoadPipelines && (op.Operand2 & previousLoadDestinations) == 0;
                previousLoadPipelines = true;
                previousLoadDestinations = op.Operand;
                return (pipelined ? 1 : 2) + memory.WaitStates(op.Address);
            }
            case OpClass.Store when op.Registers < 2:
            {
                bool pipelined = previousLoadPipelines && (op.Operand2 & previousLoadDestinations) == 0;
                previousLoadPipelines = false;
                return (pipelined ? 1 : 2) + memory.WaitStates(op.Address);
            }
            case OpClass.Branch or OpClass.CompareBranch when !op.Taken:
                previousLoadPipelines = false;
                return 1;
            default:
                return OtherCycles(op, pc);
        }
    }

    int OtherCycles(in Retired op, uint pc)
    {
        // A load or store single issued right after a pipelining load whose destination it does
        // not use for its address saves one cycle (3.3.2).
        bool pipelined = previousLoadPipelines && (op.Operand2 & previousLoadDestinations) == 0;
        previousLoadPipelines = false;
        switch (op.Class)
        {
            case OpClass.Alu:
            case OpClass.Hint:
            case OpClass.StatusRegister: // MRS, MSR, CPS: 1 (Table 3-1)
            case OpClass.Supervisor: // SVC: the exception entry is charged by the core
            case OpClass.Breakpoint:
            case OpClass.Floating:
                return 1;

            case OpClass.Multiply: // MUL 1 (Table 3-1)
            case OpClass.MultiplyAccumulate: // MLA, MLS, SMLA<x><y>, SMLAD.. 1 (Table 3-1, "MAC 1")
            case OpClass.MultiplyLong: // SMULL, UMULL 1
            case OpClass.MultiplyAccumulateLong: // SMLAL, UMLAL, UMAAL, SMLALD 1
                return 1;

            case OpClass.Divide:
                return DivideCycles(op.Operand, op.Operand2);

            case OpClass.Load:
            case OpClass.Exclusive: // 3.3.2: "LDREX and STREX can be pipelined exactly as LDR"
                if (op.Registers >= 2) // LDRD: 1 + N (Table 3-1), never pipelined (3.3.2)
                    return 1 + op.Registers + op.Registers * memory.WaitStates(op.Address);
                previousLoadPipelines = true;
                previousLoadDestinations = op.Operand;
                return (pipelined ? 1 : 2) + memory.WaitStates(op.Address); // LDR 2 (Table 3-1, note b)

            case OpClass.Store:
                if (op.Registers >= 2) // STRD: 1 + N (Table 3-1)
                    return 1 + op.Registers + op.Registers * memory.WaitStates(op.Address);
                // STR 2 (Table 3-1); 1 when it follows a pipelining LDR (note b, 3.3.2); nothing pipelines after it.
                return (pipelined ? 1 : 2) + memory.WaitStates(op.Address);

            case OpClass.LoadMultiple: // LDM, POP: 1 + N (Table 3-1)
            case OpClass.StoreMultiple: // STM, PUSH: 1 + N
                return 1 + op.Registers + op.Registers * memory.WaitStates(op.Address);

            case OpClass.LoadMultipleWritesPc: // POP/LDM with PC: 1 + N + P; LDR PC: "at least five" (3.3.2)
                return 1 + op.Registers + RefillLoad + op.Registers * memory.WaitStates(op.Address) + memory.WaitStates(op.Operand == 0 ? pc : op.Operand);

            case OpClass.TableBranch: // 3.3.2: two for the load, one for the add, three for the reload
                return 2 + 1 + RefillLoad + memory.WaitStates(op.Address) + memory.WaitStates(op.Operand == 0 ? pc : op.Operand);

            case OpClass.Branch: // B, B<c>: 1 + P taken, 1 not taken (Table 3-1)
            case OpClass.CompareBranch: // CBZ/CBNZ: 1 + P taken, 1 not taken
                return op.Taken ? 1 + Refill(RefillSpeculated, op.Operand, pc) : 1;

            case OpClass.BranchLink: // BL: 1 + P
                return 1 + Refill(RefillSpeculated, op.Operand, pc);

            case OpClass.BranchExchange: // BX: 1 + P
            case OpClass.BranchLinkExchange: // BLX: 1 + P
            case OpClass.AluWritesPc: // MOV PC, ADD PC: 1 + P
                return 1 + Refill(RefillRegister, op.Operand, pc);

            case OpClass.Barrier: // DMB, DSB: 1 + B with B >= 0; ISB: 1 + B with B = a refill
                return op.Taken ? 1 + RefillRegister : 1;

            default:
                throw new ArgumentOutOfRangeException(nameof(op), op.Class, "no Cortex-M4 timing for this class");
        }
    }

    /// <summary>
    /// P for a branch to <paramref name="target"/>, plus the wait states of refetching there. A
    /// target of 0 means the executor did not report it: no alignment penalty, and the wait states
    /// of the branch's own region (branches rarely leave their region).
    /// </summary>
    int Refill(int basis, uint target, uint pc)
    {
        if (target == 0) return basis + memory.WaitStates(pc);
        int p = basis;
        if ((target & 2) != 0 && IsWide(target)) p = Math.Min(3, p + 1);
        return p + memory.WaitStates(target);
    }

    /// <summary>Whether the halfword at <paramref name="address"/> starts a 32-bit encoding (0b11101/0b11110/0b11111).</summary>
    bool IsWide(uint address)
    {
        var region = memory.Find(address);
        if (region?.Backing is not { } bytes) return false;
        uint offset = address - region.Start;
        if (offset + 1 >= (uint)bytes.Length) return false;
        return (bytes[offset + 1] >> 3) >= 0x1D;
    }

    /// <summary>
    /// SDIV/UDIV: "2 to 12" cycles; "division operations use early termination to minimize the
    /// number of cycles required based on the number of leading ones and zeroes in the input
    /// operands" (Table 3-1 and its note). ARM does not publish the exact rule; this model takes
    /// the number of quotient bits the operands leave, q = (significant bits of |dividend|) -
    /// (significant bits of |divisor|) + 1, and retires 3 per cycle after one set-up cycle:
    /// 1 + ceil(q / 3), and 2 when q &lt;= 0 (divisor larger than dividend, or zero).
    /// The range is exactly 2 (q &lt;= 3) to 12 (q = 32, e.g. 0xFFFFFFFF / 1).
    /// </summary>
    public static int DivideCycles(uint dividend, uint divisor)
    {
        if (divisor == 0) return 2;
        int q = (32 - System.Numerics.BitOperations.LeadingZeroCount(dividend)) - (32 - System.Numerics.BitOperations.LeadingZeroCount(divisor)) + 1;
        return q <= 3 ? 2 : 1 + (q + 2) / 3;
    }
}
