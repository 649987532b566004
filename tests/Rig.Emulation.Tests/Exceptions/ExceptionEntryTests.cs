using Rig.Emulation.Cpu;
using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Exceptions;

/// <summary>SVC, PendSV, NVIC interrupts, stacking and EXC_RETURN (ARMv6-M ARM B1.5).</summary>
public sealed class ExceptionEntryTests
{
    const uint Top = ThumbAssembler.RamStart + ThumbAssembler.RamSize;

    [Fact]
    public void Svc_enters_the_handler_in_handler_mode_and_returns_to_the_next_instruction()
    {
        var m = TestMachine.Of("""
            reset:
                movs r0, #1
                svc #3
                movs r7, #7
                bkpt #0
            svc_handler:
                mrs r4, ipsr
                mov r5, lr
                mov r6, sp
                adds r0, #1
                bx lr
            """);
        m.RunToBreakpoint();
        Assert.Equal(11u, m.R(4));
        Assert.Equal(0xFFFF_FFF9u, m.R(5)); // thread mode, main stack
        Assert.Equal(Top - 32, m.R(6));     // 8-word frame
        Assert.Equal(1u, m.R(0));           // r0 restored from the frame: the handler's add is undone
        Assert.Equal(7u, m.R(7));
        Assert.Equal(Top, m.R(13));
        Assert.Equal(0u, m.Core.Ipsr);
    }

    [Fact]
    public void The_frame_holds_r0_r3_r12_lr_return_address_and_xpsr()
    {
        var m = TestMachine.Of("""
            reset:
                movs r0, #10
                movs r1, #11
                movs r2, #12
                movs r3, #13
                movs r4, #14
                mov r12, r4
                ldr r4, =0x0BADCAFE
                mov lr, r4
                movs r4, #0
                cmp r4, #0           @ Z C in the stacked xPSR
            call:
                svc #0
            after:
                bkpt #0
            svc_handler:
                mov r4, sp
                ldm r4!, {r0-r3}
                ldm r4!, {r5-r7}
                ldr r4, [r4]
                bkpt #1
            """);
        var stop = m.Core.Run(10_000);
        Assert.Equal(StopReason.Breakpoint, stop.Reason);
        Assert.Equal(10u, m.R(0));
        Assert.Equal(13u, m.R(3));
        Assert.Equal(14u, m.R(5));              // r12
        Assert.Equal(0x0BAD_CAFEu, m.R(6));     // lr
        Assert.Equal(m.Address("after"), m.R(7)); // return address: the instruction after SVC
        Assert.Equal(0x6100_0000u, m.R(4));     // Z C, T bit; bit 9 clear: SP was 8-byte aligned
    }

    [Fact]
    public void A_misaligned_stack_is_aligned_by_4_and_bit_9_of_the_stacked_xpsr_restores_it()
    {
        var m = TestMachine.Of("""
            reset:
                sub sp, #4
                mov r1, sp
                svc #0
                mov r2, sp
                bkpt #0
            svc_handler:
                mov r5, sp
                ldr r4, [r5, #28]
                bx lr
            """);
        m.RunToBreakpoint();
        Assert.Equal(Top - 4, m.R(1));
        Assert.Equal(Top - 8 - 32, m.R(5));
        Assert.Equal(1u << 9, m.R(4) & (1u << 9));
        Assert.Equal(Top - 4, m.R(2));
    }

    [Fact]
    public void Pendsv_set_in_icsr_is_taken_before_the_next_instruction()
    {
        var m = TestMachine.Of("""
            reset:
                movs r5, #0
                ldr r0, =0xE000ED04
                ldr r1, =0x10000000
                str r1, [r0]
                movs r6, r5          @ sees the handler's write
                bkpt #0
            pendsv_handler:
                mrs r4, ipsr
                movs r5, #1
                bx lr
            """);
        m.RunToBreakpoint();
        Assert.Equal(14u, m.R(4));
        Assert.Equal(1u, m.R(6));
    }

    [Fact]
    public void An_enabled_irq_set_pending_runs_its_handler_and_a_disabled_one_waits_until_enabled()
    {
        var m = TestMachine.Of("""
            reset:
                movs r5, #0
                ldr r0, =0xE000E200  @ ISPR0
                movs r1, #3          @ IRQ0 and IRQ1 pending
                str r1, [r0]
                movs r6, r5          @ nothing enabled yet: 0
                ldr r0, =0xE000E100  @ ISER0
                movs r1, #2
                str r1, [r0]         @ enable IRQ1
                movs r7, r5          @ IRQ1 ran: 2
                ldr r0, =0xE000E200
                ldr r3, [r0]         @ IRQ0 still pending: bit 0
                bkpt #0
            irq0_handler:
                adds r5, #1
                bx lr
            irq1_handler:
                adds r5, #2
                bx lr
            """);
        m.RunToBreakpoint();
        Assert.Equal(0u, m.R(6));
        Assert.Equal(2u, m.R(7));
        Assert.Equal(1u, m.R(3));
    }

    [Fact]
    public void Primask_holds_a_pending_interrupt_until_cpsie()
    {
        var m = TestMachine.Of("""
            reset:
                movs r5, #0
                cpsid i
                ldr r0, =0xE000E100
                movs r1, #1
                str r1, [r0]         @ enable IRQ0
                ldr r0, =0xE000E200
                str r1, [r0]         @ pend IRQ0
                movs r6, r5          @ masked: 0
                cpsie i
                movs r7, r5          @ taken: 1
                bkpt #0
            irq0_handler:
                adds r5, #1
                bx lr
            """);
        m.RunToBreakpoint();
        Assert.Equal(0u, m.R(6));
        Assert.Equal(1u, m.R(7));
    }

    [Fact]
    public void A_higher_priority_irq_preempts_a_running_handler_and_nests_with_exc_return_f1()
    {
        var m = TestMachine.Of("""
            reset:
                ldr r0, =0xE000E400  @ IPR0: IRQ0 priority 0x80, IRQ1 0x00
                ldr r1, =0x00000080
                str r1, [r0]
                ldr r0, =0xE000E100
                movs r1, #3
                str r1, [r0]
                ldr r0, =0xE000E200
                movs r1, #1
                str r1, [r0]         @ pend IRQ0
                bkpt #0
            irq0_handler:
                ldr r0, =0xE000E200
                movs r1, #2
                str r1, [r0]         @ pend IRQ1 from inside IRQ0: preempts
                mov r6, r8
                bx lr
            irq1_handler:
                mov r8, lr
                mrs r7, ipsr
                bx lr
            """);
        m.RunToBreakpoint();
        Assert.Equal(17u, m.R(7));            // IRQ1 is exception 17
        Assert.Equal(0xFFFF_FFF1u, m.R(6));   // it returned to handler mode
        Assert.Equal(0u, m.Core.Ipsr);
    }

    [Fact]
    public void An_exception_from_psp_thread_mode_returns_with_exc_return_fd_to_the_process_stack()
    {
        var m = TestMachine.Of("""
            reset:
                ldr r0, =0x20001000
                msr psp, r0
                movs r0, #2
                msr control, r0
                isb
                svc #0
                mov r2, sp
                mrs r3, control
                bkpt #0
            svc_handler:
                mov r4, lr
                mov r5, sp           @ handler runs on the MSP
                mrs r6, psp
                bx lr
            """);
        m.RunToBreakpoint();
        Assert.Equal(0xFFFF_FFFDu, m.R(4));
        Assert.Equal(Top, m.R(5));
        Assert.Equal(0x2000_1000u - 32, m.R(6));
        Assert.Equal(0x2000_1000u, m.R(2));
        Assert.Equal(2u, m.R(3));
    }

    [Fact]
    public void An_invalid_exc_return_is_a_fault()
    {
        var m = TestMachine.Of("""
            reset:
                svc #0
                bkpt #0
            svc_handler:
                ldr r0, =0xFFFFFFF5
                bx r0
            """, stopOnFault: true);
        var stop = m.Core.Run(10_000);
        Assert.Equal(StopReason.Fault, stop.Reason);
        Assert.Contains("EXC_RETURN 0xFFFFFFF5", stop.Message);
    }
}
