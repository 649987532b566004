using Rig.Emulation.Tests.Thumb32;
using Rig.Emulation.Timing;

namespace Rig.Emulation.Tests.Timing;

/// <summary>
/// Cycle counts of short Thumb-2 sequences on the Cortex-M4 model, each computed by hand from the
/// Cortex-M4 TRM (ARM DDI 0439) Table 3-1 and 3.3.2 "Load/store timings"; the sum is spelled out
/// next to each case. P (pipeline refill) follows the rule stated on <see cref="CortexM4Timing"/>.
/// </summary>
public class CortexM4TimingTests
{
    const uint Ram = Thumb32Machine.SramBase;

    static ulong Cycles(string asm, int steps = int.MaxValue, int flashWaitStates = 0, Action<Thumb32Machine>? setUp = null)
    {
        var m = new Thumb32Machine(asm, flashWaitStates);
        for (int r = 0; r < 9; r++) m.R[r] = Ram + 0x100 + (uint)r * 0x10; // r0-r8: valid SRAM addresses
        for (int r = 9; r < 13; r++) m.R[r] = (uint)(r - 8) * 4; // r9-r12: small offsets for register addressing
        setUp?.Invoke(m);
        if (steps == int.MaxValue) m.Run();
        else for (int i = 0; i < steps; i++) m.Step();
        return m.Core.Cycles;
    }

    [Theory]
    // ALU: 1 each (Table 3-1: ADD, EOR, MOVW, MOVT, shifts, bitfield, saturate, extend)
    [InlineData("add.w r0, r1, r2\neor.w r3, r3, #1\nmovw r4, #5\nmovt r4, #1", 4)]
    [InlineData("lsl.w r0, r1, r2\nubfx r3, r4, #2, #3\nssat r5, #8, r6\nuxtah r7, r8, r9\nclz r0, r1\nqadd r2, r3, r4\nsadd16 r5, r6, r7", 7)]
    // Multiply, MAC, long multiply: 1 each (Table 3-1 MUL, MLA, MLS, SMULL, UMULL, SMLAL, UMLAL; DSP MAC 1)
    [InlineData("mul.w r0, r1, r2\nmla r0, r1, r2, r3\nmls r0, r1, r2, r3\nsmull r0, r1, r2, r3\nsmlal r0, r1, r2, r3\numaal r0, r1, r2, r3\nsmlabb r0, r1, r2, r3\nsmlad r0, r1, r2, r3", 8)]
    // Loads: LDR 2; the next LDR not using the first one's destination for its address: 1 (3.3.2)
    [InlineData("ldr.w r0, [r1]\nldr.w r2, [r1, #4]", 2 + 1)]
    // 3.3.2's own examples (index register renamed r9): "LDR R0,[R1,R5]; LDR R1,[R2]; LDR R2,[R3,#4] - normally four cycles total"
    [InlineData("ldr.w r0, [r1, r9]\nldr.w r1, [r2]\nldr.w r2, [r3, #4]", 2 + 1 + 1)]
    // "LDR R0,[R1,R2]; STR R0,[R3,#20] - normally three cycles total"
    [InlineData("ldr.w r0, [r1, r9]\nstr.w r0, [r3, #20]", 2 + 1)]
    // "LDR R0,[R1,R2]; STR R1,[R3,R2] - normally three cycles total"
    [InlineData("ldr.w r0, [r1, r9]\nstr.w r1, [r3, r9]", 2 + 1)]
    // nothing pipelines after a store: STR 2 + LDR 2
    [InlineData("str.w r0, [r1]\nldr.w r2, [r1, #4]", 2 + 2)]
    // an ALU instruction between breaks the pair: 2 + 1 + 2
    [InlineData("ldr.w r0, [r1]\nadd.w r4, r4, #1\nldr.w r2, [r3]", 2 + 1 + 2)]
    // byte/halfword/signed loads pipeline the same way: 2 + 1 + 1
    [InlineData("ldrb.w r0, [r1]\nldrsh.w r2, [r3]\nldrh.w r4, [r5, #2]", 2 + 1 + 1)]
    // LDREX/STREX "can be pipelined exactly as LDR": 2 + 1
    [InlineData("ldrex r0, [r1]\nstrex r2, r0, [r1]", 2 + 1)]
    // LDRD/STRD: 1 + N = 3 (Table 3-1), "cannot be pipelined with preceding or following instructions"
    [InlineData("ldrd r4, r5, [r1]", 1 + 2)]
    [InlineData("ldr.w r0, [r1]\nstrd r4, r5, [r2]\nldr.w r6, [r3]", 2 + 3 + 2)]
    // LDM/STM/PUSH/POP without PC: 1 + N
    [InlineData("push.w {r4-r8, lr}", 1 + 6)]
    [InlineData("ldmia.w r1, {r2-r5}", 1 + 4)]
    [InlineData("stmdb r1!, {r2, r3}\nldmia.w r1!, {r2, r3}", (1 + 2) + (1 + 2))]
    // not-taken B<c>.W: 1 (Table 3-1 note: "completes in a single cycle if the branch is not taken")
    [InlineData("beq.w out\nout:", 1)]
    public void Sequence_takes_the_tables_cycles(string asm, int expected)
    {
        Assert.Equal((ulong)expected, Cycles(asm));
    }

    [Fact]
    public void A_load_whose_destination_forms_the_next_address_is_not_pipelined()
    {
        // r1 -> a word holding an SRAM address; the second load uses r0 for its address: 2 + 2
        ulong cycles = Cycles("ldr.w r0, [r1]\nldr.w r2, [r0]", setUp: m => m.Map.Write32(m.R[1], Ram + 0x400));
        Assert.Equal(4ul, cycles);
    }

    [Theory]
    // B.W to a 16-bit instruction: speculated target, P = 1: 1 + 1
    [InlineData("b.w t\nnop.w\nt: nop", 2)]
    // to a 32-bit instruction at a word address: P = 1: 1 + 1
    [InlineData("b.w t\nnop.w\nt: nop.w", 2)]
    // to a 32-bit instruction at a halfword address (needs a second fetch): P = 2: 1 + 2
    [InlineData("b.w t\nnop\nt: nop.w", 3)]
    // taken B<c>.W, same rule: 1 + 1
    [InlineData("bne.w t\nnop.w\nt: nop", 2)]
    public void Taken_branch_is_1_plus_p(string asm, int expected)
    {
        Assert.Equal((ulong)expected, Cycles(asm, steps: 1));
    }

    [Fact]
    public void Loads_into_the_pc_and_table_branches_refill_3()
    {
        // LDR PC: 1 + N + P with N = 1, P = 3 = 5 ("at least five cycles", 3.3.2)
        Assert.Equal(5ul, Cycles("ldr.w pc, [r1]", steps: 1, setUp: m => m.Map.Write32(m.R[1], 0x1001)));
        // POP {r4, pc}: 1 + N + P = 1 + 2 + 3
        Assert.Equal(6ul, Cycles("pop.w {r4, pc}", steps: 1, setUp: m => { m.R[13] = Ram + 0x800; m.Map.Write32(Ram + 0x804, 0x1001); }));
        // TBB: 2 (load) + 1 (add) + 3 (reload) = 6 (3.3.2)
        Assert.Equal(6ul, Cycles("tbb [pc, r0]\n.byte 2, 0\nnop.w", steps: 1, setUp: m => m.R[0] = 0));
    }

    [Theory]
    [InlineData(0xFFFFFFFFu, 1u, 12)] // 32 quotient bits: 1 + ceil(32 / 3) = 12, the table's maximum
    [InlineData(5u, 10u, 2)] // divisor larger: the minimum, 2
    [InlineData(7u, 0u, 2)] // divide by zero: 2
    [InlineData(100u, 7u, 3)] // 7 bits - 3 bits + 1 = 5 quotient bits: 1 + ceil(5 / 3) = 3
    [InlineData(0x00010000u, 3u, 7)] // 17 - 2 + 1 = 16: 1 + ceil(16 / 3) = 7
    public void Divide_terminates_early_on_quotient_bits(uint dividend, uint divisor, int expected)
    {
        Assert.Equal(expected, CortexM4Timing.DivideCycles(dividend, divisor));
        Assert.Equal((ulong)expected, Cycles("udiv r0, r1, r2", setUp: m => { m.R[1] = dividend; m.R[2] = divisor; }));
    }

    [Fact]
    public void Signed_divide_times_the_magnitudes()
    {
        // -100 / 7 and 100 / -7: |100| has 7 bits, |7| 3: 5 quotient bits: 3 cycles
        Assert.Equal(3ul, Cycles("sdiv r0, r1, r2", setUp: m => { m.R[1] = unchecked((uint)-100); m.R[2] = 7; }));
        Assert.Equal(3ul, Cycles("sdiv r0, r1, r2", setUp: m => { m.R[1] = 100; m.R[2] = unchecked((uint)-7); }));
    }

    [Fact]
    public void Flash_wait_states_charge_data_reads_and_branch_refills_not_sequential_fetches()
    {
        // literal in flash with 4 wait states: LDR 2 + 4
        Assert.Equal(6ul, Cycles("ldr.w r0, lit\nb.w out\nlit: .word 1\nout:", steps: 1, flashWaitStates: 4));
        // a taken branch refetches from flash: 1 + P(1) + 4
        Assert.Equal(6ul, Cycles("b.w t\nnop.w\nt: nop.w", steps: 1, flashWaitStates: 4));
        // straight-line ALU code from flash: 1 each (prefetch hides the fetch latency)
        Assert.Equal(3ul, Cycles("add.w r0, r0, #1\nadd.w r0, r0, #1\nadd.w r0, r0, #1", flashWaitStates: 4));
        // SRAM data: no wait states even with slow flash: 2 + 1
        Assert.Equal(3ul, Cycles("ldr.w r0, [r1]\nldr.w r2, [r3]", flashWaitStates: 4));
    }

    [Fact]
    public void A_branch_without_a_reported_target_refills_from_its_own_region()
    {
        // BL as the core retires it (no target): 1 + P(1) + the 4 wait states of the flash it runs from
        var m = new Thumb32Machine("nop.w", flashWaitStates: 4);
        Assert.Equal(6, m.Timing.Cycles(new Retired(OpClass.BranchLink, Taken: true), Thumb32Machine.CodeBase));
        // BX from SRAM code: 1 + P(2) + 0
        Assert.Equal(3, m.Timing.Cycles(new Retired(OpClass.BranchExchange, Taken: true), Ram + 0x40));
    }

    [Fact]
    public void Exception_latencies_and_skipped_instructions()
    {
        var timing = new CortexM4Timing(new Rig.Emulation.Memory.MemoryMap());
        Assert.Equal(12, timing.ExceptionEntry);
        Assert.Equal(12, timing.ExceptionReturn);
        Assert.Equal(1, timing.ConditionFailed(0x1000));
    }

    [Fact]
    public void A_skipped_instruction_ends_load_pipelining()
    {
        var m = new Thumb32Machine("nop.w");
        var timing = m.Timing;
        Assert.Equal(2, timing.Cycles(new Retired(OpClass.Load, 1, Ram, Operand: 1), 0x1000));
        timing.ConditionFailed(0x1004);
        Assert.Equal(2, timing.Cycles(new Retired(OpClass.Load, 1, Ram, Operand: 2), 0x1008));
    }
}
