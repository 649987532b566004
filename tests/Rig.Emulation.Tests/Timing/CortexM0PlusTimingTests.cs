using Rig.Emulation.Cpu;
using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Timing;

/// <summary>
/// Cycle counts of short sequences, computed by hand from ARM DDI 0484C (Cortex-M0+ TRM) table 3-1
/// and the fetch/wait-state model documented in CortexM0PlusTiming. Each run stops after exactly
/// the instructions counted (the instruction budget), so the BKPT is not part of a figure.
/// </summary>
public sealed class CortexM0PlusTimingTests
{
    static ulong CyclesOf(string body, ulong instructions, int flashWaitStates = 0)
    {
        var m = TestMachine.Of(body, flashWaitStates: flashWaitStates);
        var stop = m.Core.Run(1_000_000, instructions);
        Assert.Equal(StopReason.MaxCycles, stop.Reason);
        Assert.Equal(instructions, m.Core.Instructions);
        return m.Core.Cycles;
    }

    [Fact]
    public void Alu_1_loads_and_stores_2_muls_1()
    {
        // MOVS 1 + ADDS 1 + LDR literal 2 + STR 2 + LDR 2 + LDRB 2 + MULS 1 (fast multiplier) = 11
        var cycles = CyclesOf("""
            reset:
                movs r0, #1
                adds r0, r0, #2
                ldr r1, =0x20000000
                str r0, [r1]
                ldr r2, [r1]
                ldrb r3, [r1]
                muls r2, r0
                bkpt #0
            """, 7);
        Assert.Equal(11ul, cycles);
    }

    [Fact]
    public void Branches_taken_2_not_taken_1_bl_3_bx_2()
    {
        // MOVS 1 + CMP 1 + BEQ not taken 1 + B 2 + BNE taken 2 + BL 3 + BX 2 = 12
        var cycles = CyclesOf("""
            reset:
                movs r0, #0
                cmp r0, #1
                beq skip
                b next
            skip:
                nop
            next:
                bne target
                nop
            target:
                bl function
                bkpt #0
            function:
                bx lr
            """, 7);
        Assert.Equal(12ul, cycles);
    }

    [Fact]
    public void Push_pop_ldm_stm_1_plus_n_and_pop_pc_3_plus_n()
    {
        // BL 3 + PUSH {r4-r7,lr} 1+5 + POP {r4-r7,pc} 3+5 + LDR 2 + STM (3 regs) 1+3 + LDR 2 + LDM (3 regs) 1+3 = 29
        var cycles = CyclesOf("""
            reset:
                bl function
                ldr r0, =0x20000000
                stm r0!, {r1-r3}
                ldr r0, =0x20000000
                ldm r0!, {r1-r3}
                bkpt #0
            function:
                push {r4-r7, lr}
                pop {r4-r7, pc}
            """, 7);
        Assert.Equal(29ul, cycles);
    }

    [Fact]
    public void Mrs_msr_and_barriers_3_cps_and_nop_1()
    {
        // MRS 3 + MSR 3 + DMB 3 + DSB 3 + ISB 3 + CPSID 1 + CPSIE 1 + NOP 1 = 18
        var cycles = CyclesOf("""
            reset:
                mrs r0, primask
                msr primask, r0
                dmb
                dsb
                isb
                cpsid i
                cpsie i
                nop
                bkpt #0
            """, 8);
        Assert.Equal(18ul, cycles);
    }

    [Fact]
    public void Add_pc_and_mov_pc_are_2()
    {
        // MOVS 1 + ADD PC, r0 2 (PC reads 4 ahead: the NOP is jumped over) + LDR literal 2 + MOV PC 2 = 7
        var cycles = CyclesOf("""
            reset:
                movs r0, #0
                add pc, r0
                nop
                ldr r1, =target
                mov pc, r1
            target:
                bkpt #0
            """, 4);
        Assert.Equal(7ul, cycles);
    }

    [Fact]
    public void One_flash_wait_state_costs_one_cycle_per_new_fetched_word_and_per_flash_data_access()
    {
        // Word-aligned start: MOVS (+1 fetch of word 0) 2, MOVS 1, MOVS (+1 word 1) 2, MOVS 1,
        // LDR literal (+1 word 2, +1 flash data) 4 = 10
        var cycles = CyclesOf("""
                .align 2
            reset:
                movs r0, #1
                movs r1, #2
                movs r2, #3
                movs r3, #4
                ldr r4, literal
                bkpt #0
                .align 2
            literal:
                .word 5
            """, 5, flashWaitStates: 1);
        Assert.Equal(10ul, cycles);
    }

    [Fact]
    public void Svc_entry_15_and_return_11_on_top_of_the_instructions()
    {
        // SVC 1 + entry 15 (DDI 0484C 3.6.1) + BX LR 2 + return 11 (documented assumption) = 29
        var cycles = CyclesOf("""
            reset:
                svc #0
                bkpt #0
            svc_handler:
                bx lr
            """, 2);
        Assert.Equal(29ul, cycles);
    }

    [Fact]
    public void Two_runs_of_the_same_program_count_the_same_cycles()
    {
        const string program = """
            reset:
                movs r5, #0
                ldr r0, =0xE000E010
                ldr r1, =777
                str r1, [r0, #4]
                str r1, [r0, #8]
                movs r1, #7
                str r1, [r0]
            loop:
                adds r6, #3
                muls r6, r6
                cmp r5, #20
                bne loop
                bkpt #0
            systick_handler:
                adds r5, #1
                push {r4, lr}
                pop {r4, pc}
            """;
        var a = TestMachine.Of(program);
        var b = TestMachine.Of(program);
        a.RunToBreakpoint();
        b.RunToBreakpoint();
        Assert.Equal(a.Core.Cycles, b.Core.Cycles);
        Assert.Equal(a.Core.Instructions, b.Core.Instructions);
        Assert.True(a.Core.Cycles > 20 * 778);
    }
}
