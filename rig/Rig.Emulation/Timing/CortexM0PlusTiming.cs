using Rig.Emulation.Memory;

namespace Rig.Emulation.Timing;

/// <summary>
/// Cortex-M0+ instruction timing: ARM DDI 0484C (Cortex-M0+ TRM r0p1), table 3-1 "Cortex-M0+
/// instruction summary" (cycle counts for a zero-wait-state system), plus wait states from the
/// memory map.
///
/// Fetch model (an explicit assumption; the TRM gives zero-wait-state figures only): the M0+
/// fetches instructions as 32-bit words over its single AHB-Lite port (DDI 0484C 2.3: "the
/// processor ... fetches ... 32 bits"), so sequential 16-bit code costs one fetch per two
/// instructions. Each fetch of a word not fetched before (the word of the next instruction, the
/// second word of a 32-bit instruction that straddles, the target word after a taken branch)
/// adds the wait states of its region. Data accesses add the wait states of their address, once
/// per word transferred (LDM/STM/PUSH/POP). Vector fetches and stacking at exception entry are
/// covered by the fixed latency (DDI 0484C 3.6.1: 15 cycles with zero wait states).
/// </summary>
public sealed class CortexM0PlusTiming(MemoryMap memory, int multiplyCycles = 1) : ICycleModel
{
    /// <summary>The word (address / 4) the prefetch last fetched; uint.MaxValue after a taken branch.</summary>
    uint fetchedWord = uint.MaxValue;

    public int Cycles(in Retired op, uint pc)
    {
        var cycles = BaseCycles(op);
        if (memory.MaxWaitStates > 0) cycles += WaitStates(op, pc);
        else if (op.Taken) fetchedWord = uint.MaxValue;
        return cycles;
    }

    /// <summary>No region has wait states: <see cref="Cycles"/> is then <see cref="CyclesWithoutWaitStates"/>.</summary>
    public bool WithoutWaitStates
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        get => memory.MaxWaitStates == 0;
    }

    /// <summary><see cref="Cycles"/> when <see cref="WithoutWaitStates"/> (the core's inlined fast path: the class is a constant at most call sites).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public int CyclesWithoutWaitStates(in Retired op)
    {
        if (op.Taken) fetchedWord = uint.MaxValue;
        return BaseCycles(op);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    int BaseCycles(in Retired op)
    {
        return op.Class switch
        {
            // Table 3-1: MOVS/ADDS/SUBS/ADCS/SBCS/RSBS/CMP/CMN/ANDS/EORS/ORRS/BICS/MVNS/TST, shifts,
            // SXT/UXT, REV*, ADR, ADD/SUB SP, CPS: 1.
            OpClass.Alu => 1,
            // Table 3-1: "MOV PC, Rm" 2, "ADD PC, PC, Rm" 2.
            OpClass.AluWritesPc => 2,
            // Table 3-1: MULS 1 or 32 (implementation option; the profile's emulation.multiply_cycles).
            OpClass.Multiply => multiplyCycles,
            // Table 3-1: every LDR*/STR* form (immediate, register, SP, literal): 2.
            OpClass.Load or OpClass.Store => 2,
            // Table 3-1: LDM/STM/PUSH/POP 1 + N (N registers transferred).
            OpClass.LoadMultiple or OpClass.StoreMultiple => 1 + op.Registers,
            // Table 3-1: "POP {<reglist>, PC}" 3 + N; N counts every register transferred, the PC included.
            OpClass.LoadMultipleWritesPc => 3 + op.Registers,
            // Table 3-1: B<cond> 2 taken, 1 not taken; B 2.
            OpClass.Branch or OpClass.CompareBranch => op.Taken ? 2 : 1,
            // Table 3-1: BL 3.
            OpClass.BranchLink => 3,
            // Table 3-1: BX 2, BLX 2.
            OpClass.BranchExchange or OpClass.BranchLinkExchange => 2,
            // Table 3-1: DMB 3, DSB 3, ISB 3.
            OpClass.Barrier => 3,
            // Table 3-1: MRS 3, MSR 3.
            OpClass.StatusRegister => 3,
            // Table 3-1: WFE 2, WFI 2, NOP/YIELD/SEV 1 (sleep time itself is counted by the core).
            OpClass.Hint => op.Operand is Hints.Wfe or Hints.Wfi ? 2 : 1,
            // SVC and BKPT: not in table 3-1 as instruction cycles; assumed 1 (the exception entry
            // that follows an SVC is charged by ExceptionEntry).
            OpClass.Supervisor or OpClass.Breakpoint => 1,
            _ => 1,
        };
    }

    int WaitStates(in Retired op, uint pc)
    {
        var extra = 0;
        var first = pc >> 2;
        if (first != fetchedWord) extra += memory.WaitStates(pc);
        fetchedWord = first;
        switch (op.Class)
        {
            case OpClass.Load or OpClass.Store:
                extra += memory.WaitStates(op.Address);
                break;
            case OpClass.LoadMultiple or OpClass.StoreMultiple or OpClass.LoadMultipleWritesPc:
                extra += op.Registers * memory.WaitStates(op.Address);
                break;
            case OpClass.BranchLink: // the second halfword of BL may sit in the next word
                if (((pc + 2) >> 2) != first) extra += memory.WaitStates(pc + 2);
                fetchedWord = (pc + 2) >> 2;
                break;
        }
        if (op.Taken) fetchedWord = uint.MaxValue;
        return extra;
    }

    /// <summary>An IT-skipped instruction: not on ARMv6-M (no IT); 1 like a NOP.</summary>
    public int ConditionFailed(uint pc) => 1;

    /// <summary>DDI 0484C 3.6.1: "the worst case interrupt latency ... in a zero wait-state system ... is 15 cycles".</summary>
    public int ExceptionEntry => 15;

    /// <summary>
    /// ASSUMPTION (the TRM gives no figure): 1 for the returning instruction's EXC_RETURN
    /// detection + 8 word reads of the frame + 2 pipeline refill (as a taken branch) = 11, charged
    /// on top of the BX/POP that returns.
    /// </summary>
    public int ExceptionReturn => 11;
}
