using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Cpu;

/// <summary>Every 16-bit load/store form, PUSH/POP, LDM/STM (ARMv6-M ARM A6.7).</summary>
public sealed class LoadStoreTests
{
    [Fact]
    public void Immediate_register_and_sp_relative_forms_store_and_load_with_sign_extension()
    {
        var m = TestMachine.Of("""
            reset:
                ldr r0, =0x20000100
                ldr r1, =0x8182F3F4
                str r1, [r0, #4]
                strh r1, [r0, #10]
                strb r1, [r0, #13]
                movs r2, #4
                ldr r3, [r0, r2]         @ 0x8182F3F4
                movs r2, #10
                ldrsh r4, [r0, r2]       @ 0xFFFFF3F4
                ldrh r5, [r0, #10]       @ 0xF3F4
                movs r2, #13
                ldrsb r6, [r0, r2]       @ 0xFFFFFFF4
                ldrb r7, [r0, #13]       @ 0xF4
                sub sp, #16
                str r1, [sp, #8]
                ldr r2, [sp, #8]
                add sp, #16
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(0x8182_F3F4u, m.R(3));
        Assert.Equal(0xFFFF_F3F4u, m.R(4));
        Assert.Equal(0xF3F4u, m.R(5));
        Assert.Equal(0xFFFF_FFF4u, m.R(6));
        Assert.Equal(0xF4u, m.R(7));
        Assert.Equal(0x8182_F3F4u, m.R(2));
        Assert.Equal(0x8182_F3F4u, m.Memory.Read32(0x2000_0104));
        Assert.Equal(ThumbAssembler.RamStart + ThumbAssembler.RamSize, m.R(13));
    }

    [Fact]
    public void Literal_loads_and_adr_use_the_word_aligned_pc()
    {
        var m = TestMachine.Of("""
            reset:
                nop
                ldr r0, value            @ at a halfword-aligned PC: Align(PC, 4) + imm
                adr r1, value
                bkpt #0
                .align 2
            value:
                .word 0xCAFEF00D
            """);
        m.RunToBreakpoint();
        Assert.Equal(0xCAFE_F00Du, m.R(0));
        Assert.Equal(m.Address("value"), m.R(1));
    }

    [Fact]
    public void Push_and_pop_move_sp_by_four_per_register_in_register_order()
    {
        var m = TestMachine.Of("""
            reset:
                movs r4, #4
                movs r5, #5
                ldr r0, =0x11111111
                mov lr, r0
                push {r4, r5, lr}
                mov r0, sp
                movs r4, #0
                movs r5, #0
                pop {r4, r5}
                pop {r3}
                bkpt #0
            """);
        m.RunToBreakpoint();
        var top = ThumbAssembler.RamStart + ThumbAssembler.RamSize;
        Assert.Equal(top - 12, m.R(0));
        Assert.Equal(4u, m.Memory.Read32(top - 12));
        Assert.Equal(0x1111_1111u, m.Memory.Read32(top - 4));
        Assert.Equal(4u, m.R(4));
        Assert.Equal(5u, m.R(5));
        Assert.Equal(0x1111_1111u, m.R(3));
        Assert.Equal(top, m.R(13));
    }

    [Fact]
    public void Ldm_writes_back_unless_the_base_is_in_the_list_and_stm_always_writes_back()
    {
        var m = TestMachine.Of("""
            reset:
                ldr r0, =0x20000200
                movs r1, #1
                movs r2, #2
                movs r3, #3
                stm r0!, {r1, r2, r3}    @ r0 += 12
                ldr r4, =0x20000200
                ldm r4!, {r5, r6}        @ r4 += 8
                ldr r7, =0x20000200
                ldm r7, {r1, r7}         @ base in list: no writeback, r7 = 2
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(0x2000_020Cu, m.R(0));
        Assert.Equal(0x2000_0208u, m.R(4));
        Assert.Equal(1u, m.R(5));
        Assert.Equal(2u, m.R(6));
        Assert.Equal(2u, m.R(7));
    }

    [Fact]
    public void Bl_bx_and_blx_call_and_return_with_the_thumb_bit_in_lr()
    {
        var m = TestMachine.Of("""
            reset:
                movs r0, #0
                bl function
                ldr r1, =function2
                blx r1
                bkpt #0
            function:
                adds r0, #1
                mov r2, lr
                bx lr
            function2:
                adds r0, #10
                mov r3, lr
                bx lr
            """);
        m.RunToBreakpoint();
        Assert.Equal(11u, m.R(0));
        Assert.Equal(1u, m.R(2) & 1);
        Assert.Equal(1u, m.R(3) & 1);
    }

    [Fact]
    public void Conditional_branches_take_and_fall_through_by_the_flags()
    {
        var m = TestMachine.Of("""
            reset:
                movs r0, #0
                movs r1, #3
            loop:
                adds r0, #2
                subs r1, #1
                bne loop
                cmp r0, #6
                beq good
                movs r0, #0
            good:
                movs r2, #1
                cmp r2, #2
                blt less
                movs r2, #0
            less:
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(6u, m.R(0));
        Assert.Equal(1u, m.R(2));
    }
}
