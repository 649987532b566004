using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Cpu;

/// <summary>16-bit data processing with its flags (ARMv6-M ARM A6.7, AddWithCarry and Shift_C pseudocode).</summary>
public sealed class DataProcessingTests
{
    [Fact]
    public void Subtracting_below_zero_borrows_clears_carry_and_sets_negative()
    {
        var m = TestMachine.Of("""
            reset:
                movs r0, #0
                subs r0, #1
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(0xFFFF_FFFFu, m.R(0));
        Assert.True(m.Core.N);
        Assert.False(m.Core.Z);
        Assert.False(m.Core.C); // a borrow is C = 0 on ARM
        Assert.False(m.Core.V);
    }

    [Fact]
    public void Signed_overflow_sets_v_and_unsigned_wrap_sets_c()
    {
        var m = TestMachine.Of("""
            reset:
                ldr r0, =0x7FFFFFFF
                movs r1, #1
                adds r2, r0, r1
                mrs r3, apsr
                ldr r4, =0xFFFFFFFF
                adds r5, r4, r1
                mrs r6, apsr
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(0x8000_0000u, m.R(2));
        Assert.Equal(0x9000_0000u, m.R(3) & 0xF000_0000u); // N and V
        Assert.Equal(0u, m.R(5));
        Assert.Equal(0x6000_0000u, m.R(6) & 0xF000_0000u); // Z and C
    }

    [Fact]
    public void Adc_and_sbc_chain_a_64_bit_add_and_subtract()
    {
        var m = TestMachine.Of("""
            reset:
                ldr r0, =0xFFFFFFF0
                movs r1, #1
                movs r2, #0x20
                movs r3, #2
                adds r0, r0, r2
                adcs r1, r3
                movs r4, #0
                movs r5, #5
                movs r6, #1
                movs r7, #0
                subs r4, r4, r6
                sbcs r5, r7
                bkpt #0
            """);
        m.RunToBreakpoint();
        // 0x1_FFFFFFF0 + 0x2_00000020 = 0x4_00000010
        Assert.Equal(0x10u, m.R(0));
        Assert.Equal(4u, m.R(1));
        // 0x5_00000000 - 1 = 0x4_FFFFFFFF
        Assert.Equal(0xFFFF_FFFFu, m.R(4));
        Assert.Equal(4u, m.R(5));
    }

    [Fact]
    public void Shifts_by_register_follow_shift_c_for_amounts_0_32_and_above()
    {
        var m = TestMachine.Of("""
            reset:
                movs r0, #3
                movs r1, #32
                lsls r0, r1          @ by 32: result 0, C = old bit 0 = 1
                mrs r2, apsr
                movs r3, #0x80
                lsls r3, r3, #24     @ 0x80000000
                movs r4, #33
                asrs r3, r4          @ by 33: all sign bits, C = sign
                mrs r5, apsr
                movs r6, #1
                movs r7, #0
                rors r6, r7          @ by 0: unchanged, C unchanged (still 1)
                mrs r7, apsr
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(0u, m.R(0));
        Assert.Equal(0x6000_0000u, m.R(2) & 0xF000_0000u); // Z, C
        Assert.Equal(0xFFFF_FFFFu, m.R(3));
        Assert.Equal(0xA000_0000u, m.R(5) & 0xF000_0000u); // N, C
        Assert.Equal(1u, m.R(6));
        Assert.Equal(0x2000_0000u, m.R(7) & 0xF000_0000u); // only C
    }

    [Fact]
    public void Shift_by_immediate_32_and_move_leave_the_expected_carry()
    {
        var m = TestMachine.Of("""
            reset:
                movs r0, #1
                lsls r0, r0, #31     @ 0x80000000, C = 0
                lsrs r1, r0, #32     @ LSR #32: 0, C = bit 31 = 1
                mrs r2, apsr
                movs r3, r0          @ MOVS (LSL #0): N set, C kept
                mrs r4, apsr
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(0u, m.R(1));
        Assert.Equal(0x6000_0000u, m.R(2) & 0xF000_0000u);
        Assert.Equal(0xA000_0000u, m.R(4) & 0xF000_0000u);
    }

    [Fact]
    public void Logical_ops_mul_negate_and_compare_negative()
    {
        var m = TestMachine.Of("""
            reset:
                movs r0, #0xF0
                movs r1, #0x3C
                movs r2, r0
                ands r2, r1          @ 0x30
                movs r3, r0
                eors r3, r1          @ 0xCC
                movs r4, r0
                orrs r4, r1          @ 0xFC
                movs r5, r0
                bics r5, r1          @ 0xC0
                mvns r6, r1          @ ~0x3C
                movs r7, #7
                muls r7, r1          @ 7 * 0x3C
                rsbs r1, r1, #0      @ -0x3C
                cmn r1, r1           @ N C
                mrs r0, apsr
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(0x30u, m.R(2));
        Assert.Equal(0xCCu, m.R(3));
        Assert.Equal(0xFCu, m.R(4));
        Assert.Equal(0xC0u, m.R(5));
        Assert.Equal(~0x3Cu, m.R(6));
        Assert.Equal(7u * 0x3C, m.R(7));
        Assert.Equal(unchecked((uint)-0x3C), m.R(1));
        Assert.Equal(0xA000_0000u, m.R(0) & 0xF000_0000u);
    }

    [Fact]
    public void High_register_add_mov_and_cmp_do_not_touch_flags_except_cmp()
    {
        var m = TestMachine.Of("""
            reset:
                movs r0, #0
                movs r1, #5
                cmp r0, #0           @ Z = 1, C = 1
                mov r8, r1
                add r8, r8           @ 10, flags unchanged
                mov r2, r8
                mrs r3, apsr
                mov r9, r2
                cmp r9, r8           @ equal: Z C
                mrs r4, apsr
                add r5, sp, #8
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(10u, m.R(2));
        Assert.Equal(0x6000_0000u, m.R(3) & 0xF000_0000u);
        Assert.Equal(0x6000_0000u, m.R(4) & 0xF000_0000u);
        Assert.Equal(ThumbAssembler.RamStart + ThumbAssembler.RamSize + 8, m.R(5));
    }

    [Fact]
    public void Extend_and_reverse_instructions()
    {
        var m = TestMachine.Of("""
            reset:
                ldr r0, =0x12348685
                sxtb r1, r0
                sxth r2, r0
                uxtb r3, r0
                uxth r4, r0
                rev r5, r0
                rev16 r6, r0
                revsh r7, r0
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(0xFFFF_FF85u, m.R(1));
        Assert.Equal(0xFFFF_8685u, m.R(2));
        Assert.Equal(0x85u, m.R(3));
        Assert.Equal(0x8685u, m.R(4));
        Assert.Equal(0x8586_3412u, m.R(5));
        Assert.Equal(0x3412_8586u, m.R(6));
        Assert.Equal(0xFFFF_8586u, m.R(7));
    }

    [Theory]
    [InlineData(0x0u, false, false, false, false, false)] // EQ
    [InlineData(0x0u, false, true, false, false, true)]
    [InlineData(0x1u, false, true, false, false, false)]  // NE
    [InlineData(0x2u, false, false, true, false, true)]   // CS
    [InlineData(0x8u, false, false, true, false, true)]   // HI: C && !Z
    [InlineData(0x8u, false, true, true, false, false)]
    [InlineData(0xAu, true, false, false, true, true)]    // GE: N == V
    [InlineData(0xBu, true, false, false, false, true)]   // LT: N != V
    [InlineData(0xCu, false, false, false, false, true)]  // GT: !Z && N == V
    [InlineData(0xDu, false, true, false, false, true)]   // LE: Z || N != V
    [InlineData(0xEu, true, true, true, true, true)]      // AL
    public void Conditions_follow_the_architecture_table(uint cond, bool n, bool z, bool c, bool v, bool passes)
    {
        var m = TestMachine.Of("reset:\n    bkpt #0");
        m.Core.N = n;
        m.Core.Z = z;
        m.Core.C = c;
        m.Core.V = v;
        Assert.Equal(passes, m.Core.ConditionPassed(cond));
    }
}
