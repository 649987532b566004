using Rig.Emulation.Cpu;
using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Cpu;

/// <summary>The ARMv7-M 16-bit encodings the core owns: IT with conditional execution and the flag rule, CBZ/CBNZ.</summary>
public sealed class ItBlockTests
{
    [Fact]
    public void Ite_executes_the_then_or_the_else_instruction_and_16_bit_ops_inside_set_no_flags()
    {
        var m = TestMachine.Of("""
            reset:
                movs r0, #5
                cmp r0, #5           @ Z = 1, C = 1
                ite eq
                addeq r1, r0, #1     @ executes, flags untouched inside the block
                movne r1, #99        @ skipped
                mrs r2, apsr
                cmp r0, #4           @ Z = 0
                itt eq
                moveq r3, #1         @ both skipped
                moveq r4, #1
                movs r5, #0          @ outside the block: sets Z
                mrs r6, apsr
                bkpt #0
            """, CoreKind.CortexM4);
        m.Core.R[3] = 0x33;
        m.Core.R[4] = 0x44;
        m.RunToBreakpoint();
        Assert.Equal(6u, m.R(1));
        Assert.Equal(0x6000_0000u, m.R(2) & 0xF000_0000u);
        Assert.Equal(0x33u, m.R(3));
        Assert.Equal(0x44u, m.R(4));
        Assert.Equal(0x6000_0000u, m.R(6) & 0xF000_0000u);
        Assert.Equal(0u, m.Core.ItState);
    }

    [Fact]
    public void Skipped_instructions_count_as_instructions()
    {
        var m = TestMachine.Of("""
            reset:
                movs r0, #1
                cmp r0, #0
                itte eq
                moveq r1, #1
                moveq r2, #2
                movne r3, #3
                bkpt #0
            """, CoreKind.CortexM4);
        m.RunToBreakpoint();
        // movs, cmp, itte, three conditional ones (two skipped): 6 before the BKPT, which retires too.
        Assert.Equal(7ul, m.Core.Instructions);
        Assert.Equal(3u, m.R(3));
    }

    [Fact]
    public void Cbz_and_cbnz_branch_forward_on_zero_and_non_zero()
    {
        var m = TestMachine.Of("""
            reset:
                movs r0, #0
                movs r1, #7
                movs r2, #0
                cbz r0, zero
                movs r2, #1
            zero:
                cbnz r1, nonzero
                movs r2, #2
            nonzero:
                cbz r1, wrong
                adds r2, #10
            wrong:
                bkpt #0
            """, CoreKind.CortexM4);
        m.RunToBreakpoint();
        Assert.Equal(10u, m.R(2));
    }

    [Fact]
    public void It_and_cbz_are_undefined_on_armv6m()
    {
        // Hand-encoded: the assembler refuses IT for cortex-m0plus. BF08 = IT EQ, B100 = CBZ r0.
        var m = TestMachine.Of("""
            reset:
                .hword 0xBF08
                nop
                bkpt #0
            """, stopOnFault: true);
        var stop = m.Core.Run(1000);
        Assert.Equal(StopReason.Fault, stop.Reason);
        Assert.Contains("BF08", stop.Message);
        Assert.Equal(m.Address("reset"), stop.Pc);
    }

    [Fact]
    public void A_32_bit_encoding_no_executor_implements_stops_the_run_naming_it()
    {
        var m = TestMachine.Of("""
            reset:
                movs r0, #1
                udiv r1, r0, r0
                bkpt #0
            """, CoreKind.CortexM4);
        var stop = m.Core.Run(1000);
        Assert.Equal(StopReason.Unimplemented, stop.Reason);
        Assert.Equal(m.Address("reset") + 2, stop.Pc);
        Assert.Contains("FBB0", stop.Message);
        Assert.StartsWith("reset", stop.Symbol);
    }
}
