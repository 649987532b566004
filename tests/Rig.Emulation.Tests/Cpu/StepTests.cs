using Rig.Emulation.Cpu;
using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Cpu;

/// <summary>Step (the lockstep oracle's entry) and Run (the fast loop) are the same machine.</summary>
public sealed class StepTests
{
    const string Program = """
        reset:
            movs r5, #0
            ldr r0, =0xE000E010
            ldr r1, =99
            str r1, [r0, #4]
            str r1, [r0, #8]
            movs r1, #7
            str r1, [r0]
        loop:
            adds r6, #3
            push {r6, r7}
            pop {r6, r7}
            svc #1
            cmp r5, #5
            bne loop
            bkpt #0
        systick_handler:
            adds r5, #1
            bx lr
        svc_handler:
            adds r7, #1
            bx lr
        """;

    [Fact]
    public void Stepping_one_instruction_at_a_time_ends_in_the_state_a_run_ends_in()
    {
        var run = TestMachine.Of(Program);
        var step = TestMachine.Of(Program);
        var runStop = run.Core.Run(1_000_000);
        EmulationStop? stepStop = null;
        for (var i = 0; i < 1_000_000 && stepStop is null; i++) stepStop = step.Core.Step();
        Assert.Equal(StopReason.Breakpoint, runStop.Reason);
        Assert.Equal(runStop, stepStop);
        Assert.Equal(run.Core.R.ToArray(), step.Core.R.ToArray());
        Assert.Equal(run.Core.Cycles, step.Core.Cycles);
        Assert.Equal(run.Core.Instructions, step.Core.Instructions);
        Assert.Equal(run.Core.Xpsr, step.Core.Xpsr);
    }

    [Fact]
    public void Every_step_executes_exactly_one_instruction()
    {
        var m = TestMachine.Of(Program);
        EmulationStop? stop;
        ulong steps = 0;
        do
        {
            stop = m.Core.Step();
            steps++;
            Assert.Equal(steps, m.Core.Instructions); // the final BKPT retires too
        }
        while (stop is null && steps < 100_000);
        Assert.Equal(StopReason.Breakpoint, stop?.Reason);
        // The SysTick and SVC entries happened inside those steps: five ticks counted, one SVC per loop.
        Assert.Equal(5u, m.R(5));
        Assert.True(m.R(7) >= 5, $"{m.R(7)} SVCs");
    }

    [Fact]
    public void The_lowest_stack_pointer_is_the_deepest_push_or_exception_frame()
    {
        var m = TestMachine.Of("""
            reset:
                push {r0-r3}
                pop {r0-r3}
                svc #0
                bkpt #0
            svc_handler:
                push {r4-r7}
                pop {r4-r7}
                bx lr
            """);
        m.RunToBreakpoint();
        // The SVC frame (32 bytes) below the top, then the handler's PUSH of 4 registers (16 bytes).
        Assert.Equal(ThumbAssembler.RamStart + ThumbAssembler.RamSize - 48, m.Core.LowestSp);
    }
}
