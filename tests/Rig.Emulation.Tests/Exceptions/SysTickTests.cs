using Rig.Emulation.Cpu;
using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Exceptions;

/// <summary>SysTick counting in core cycles, COUNTFLAG, TICKINT, WFI fast-forward (ARMv6-M ARM B3.3).</summary>
public sealed class SysTickTests
{
    [Fact]
    public void The_counter_reloads_every_reload_plus_one_cycles_and_countflag_clears_on_read()
    {
        var m = TestMachine.Of("""
            reset:
                ldr r0, =0xE000E010
                ldr r1, =999
                str r1, [r0, #4]     @ RVR
                str r1, [r0, #8]     @ CVR: any write clears it to 0
                movs r1, #5
                str r1, [r0]         @ ENABLE | CLKSOURCE, no TICKINT
                ldr r2, [r0, #8]     @ CVR shortly after enabling
                ldr r3, [r0]         @ CSR: COUNTFLAG not yet set
                bkpt #0
            """);
        m.RunToBreakpoint();
        var csr = m.Core.SysTick;
        Assert.InRange(m.R(2), 990u, 999u);
        Assert.Equal(0u, m.R(3) & (1u << 16));
        // The counter keeps counting with the core's cycles: advance 2000 cycles by hand.
        var before = csr.Value;
        m.Core.Cycles += 1000;
        Assert.Equal(before, csr.Value); // period RVR + 1 = 1000 cycles
        Assert.Equal(1u << 16, csr.ReadCsr() & (1u << 16));
        Assert.Equal(0u, csr.ReadCsr() & (1u << 16));
    }

    [Fact]
    public void Tickint_interrupts_every_period_and_wfi_sleeps_until_the_next_tick()
    {
        var m = TestMachine.Of("""
            reset:
                movs r5, #0
                ldr r0, =0xE000E010
                ldr r1, =9999
                str r1, [r0, #4]
                str r1, [r0, #8]
                movs r1, #7          @ ENABLE | TICKINT | CLKSOURCE
                str r1, [r0]
            wait:
                wfi
                cmp r5, #3
                bne wait
                bkpt #0
            systick_handler:
                adds r5, #1
                bx lr
            """);
        m.RunToBreakpoint();
        Assert.Equal(3u, m.R(5));
        // Three periods of 10,000 cycles, mostly asleep.
        Assert.InRange(m.Core.Cycles, 30_000ul, 30_200ul);
        Assert.True(m.Core.SleepCycles > 29_000, $"slept {m.Core.SleepCycles} cycles");
    }

    [Fact]
    public void Wfi_with_nothing_that_can_wake_the_core_stops_the_run()
    {
        var m = TestMachine.Of("""
            reset:
                wfi
                bkpt #0
            """);
        var stop = m.Core.Run(1_000_000);
        Assert.Equal(StopReason.SleepForever, stop.Reason);
        Assert.Contains("WFI", stop.Message);
    }

    [Fact]
    public void Wfe_returns_at_once_when_sev_set_the_event_register()
    {
        var m = TestMachine.Of("""
            reset:
                sev
                wfe
                movs r0, #1
                bkpt #0
            """);
        m.RunToBreakpoint();
        Assert.Equal(1u, m.R(0));
        Assert.False(m.Core.EventRegister);
    }

    [Fact]
    public void An_endless_loop_stops_at_the_cycle_budget()
    {
        var m = TestMachine.Of("""
            reset:
                b reset
            """);
        var stop = m.Core.Run(5_000);
        Assert.Equal(StopReason.MaxCycles, stop.Reason);
        Assert.Equal(m.Address("reset"), stop.Pc);
        Assert.InRange(m.Core.Cycles, 5_000ul, 5_001ul);
    }
}
