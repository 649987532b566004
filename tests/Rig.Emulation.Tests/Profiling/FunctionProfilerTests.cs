using Rig.Emulation.Profiling;
using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Profiling;

/// <summary>
/// The per-function profile on small programs whose call structure and cycles are known by hand
/// (Cortex-M0+ timing, ARM DDI 0484C table 3-1: ALU 1, B taken 2 / not taken 1, BL 3, BX 2).
/// Loop labels are numeric so they are no function symbols.
/// </summary>
public sealed class FunctionProfilerTests
{
    internal static (TestMachine Machine, FirmwareMeasurements Result) Profiled(string program)
    {
        var m = TestMachine.Of(program);
        var probe = FirmwareProbe.Create(m.Core, m.Elf);
        m.Core.Trace = probe;
        m.RunToBreakpoint();
        m.Core.Trace = null;
        return (m, probe.Result());
    }

    static FunctionCost Of(FunctionProfile p, string name) => p.Of(name) ?? throw new InvalidOperationException($"{name} is not in the profile");

    [Fact]
    public void Calls_self_and_total_follow_the_call_structure()
    {
        var (m, r) = Profiled("""
            reset:
                bl outer
                bl outer
                bkpt #0
            outer:
                push {r4, lr}
                movs r4, #3
            1:
                bl leaf
                subs r4, #1
                bne 1b
                pop {r4, pc}
            leaf:
                movs r0, #5
            1:
                subs r0, #1
                bne 1b
                bx lr
            """);
        var p = r.Profile!;
        Assert.Equal(1ul, Of(p, "reset").Calls);
        Assert.Equal(2ul, Of(p, "outer").Calls);
        Assert.Equal(6ul, Of(p, "leaf").Calls);
        // leaf: movs 1 + 4 x (subs 1 + bne taken 2) + subs 1 + bne not taken 1 + bx lr 2 = 17 cycles a call.
        Assert.Equal(6ul * 17, Of(p, "leaf").SelfCycles);
        Assert.Equal(Of(p, "leaf").SelfCycles, Of(p, "leaf").TotalCycles);
        Assert.Equal(Of(p, "outer").SelfCycles + Of(p, "leaf").TotalCycles, Of(p, "outer").TotalCycles);
        // The entry's inclusive cycles are the run's.
        Assert.Equal(m.Core.Cycles, Of(p, "reset").TotalCycles);
        Assert.Equal(m.Core.Cycles, p.Cycles);
        Assert.Equal(m.Core.Cycles, p.Functions.Aggregate(0ul, (s, f) => s + f.SelfCycles));
        Assert.All(p.Functions, f => Assert.True(f.TotalCycles >= f.SelfCycles, $"{f.Name}: total {f.TotalCycles} < self {f.SelfCycles}"));
        // outer pushed two words; leaf nothing.
        Assert.Equal(8, r.StackHighWaterBytes);
    }

    [Fact]
    public void A_branch_to_another_functions_entry_is_a_tail_call_that_returns_to_the_first_caller()
    {
        var (m, r) = Profiled("""
            reset:
                bl outer
                bkpt #0
            outer:
                push {r4, lr}
                bl mid
                bl mid
                pop {r4, pc}
            leaf:
                movs r0, #2
                bx lr
            mid:
                movs r1, #1
                b leaf
            """);
        var p = r.Profile!;
        Assert.Equal(2ul, Of(p, "mid").Calls);
        Assert.Equal(2ul, Of(p, "leaf").Calls);
        // mid: movs 1 + b 2; leaf: movs 1 + bx 2; the tail call replaced mid, so leaf's return ends outer's call.
        Assert.Equal(2ul * 3, Of(p, "mid").TotalCycles);
        Assert.Equal(2ul * 3, Of(p, "leaf").TotalCycles);
        Assert.Equal(Of(p, "outer").SelfCycles + Of(p, "mid").TotalCycles + Of(p, "leaf").TotalCycles, Of(p, "outer").TotalCycles);
        Assert.Equal(m.Core.Cycles, Of(p, "reset").TotalCycles);
    }

    [Fact]
    public void An_interrupts_cycles_are_its_handlers_not_the_interrupted_functions()
    {
        var (m, r) = Profiled("""
            reset:
                movs r5, #0
                movs r6, #0
                ldr r0, =0xE000E010
                ldr r1, =199
                str r1, [r0, #4]
                str r1, [r0, #8]
                movs r1, #7          @ ENABLE | TICKINT | CLKSOURCE
                str r1, [r0]
            1:
                bl work
                cmp r5, #4
                blo 1b
                movs r1, #0
                str r1, [r0]
                bkpt #0
            work:
                movs r2, #10
            1:
                subs r2, #1
                bne 1b
                bx lr
            systick_handler:
                push {r4, lr}
                adds r5, #1
                bl count
                pop {r4, pc}
            count:
                adds r6, #1
                bx lr
            """);
        var p = r.Profile!;
        var ticks = m.R(5);
        Assert.True(ticks >= 4, $"{ticks} ticks");
        Assert.Equal((ulong)ticks, Of(p, "systick_handler").Calls);
        Assert.Equal((ulong)m.R(6), Of(p, "count").Calls);
        // work: movs 1 + 9 x (subs 1 + bne 2) + subs 1 + bne 1 + bx 2 = 32 cycles a call, however often a tick interrupted it.
        var work = Of(p, "work");
        Assert.Equal(work.Calls * 32, work.SelfCycles);
        Assert.Equal(work.SelfCycles, work.TotalCycles);
        var handler = Of(p, "systick_handler");
        Assert.True(handler.SelfCycles >= ticks * (ulong)(m.Core.Timing.ExceptionEntry + m.Core.Timing.ExceptionReturn), $"handler self {handler.SelfCycles}");
        Assert.Equal(handler.SelfCycles + Of(p, "count").TotalCycles, handler.TotalCycles);
        // Thread mode and the handler share the run: nothing counted twice, nothing lost.
        Assert.Equal(m.Core.Cycles, Of(p, "reset").TotalCycles + handler.TotalCycles);
        // The deepest point: an 8-word exception frame under the thread's SP (the top: work pushes nothing), then the handler's two words.
        Assert.Equal(32 + 8, r.StackHighWaterBytes);
    }

    [Fact]
    public void An_svc_handler_gets_its_stacking_cycles()
    {
        var (m, r) = Profiled("""
            reset:
                movs r5, #0
                svc #0
                svc #0
                bkpt #0
            svc_handler:
                adds r5, #1
                bx lr
            """);
        var p = r.Profile!;
        Assert.Equal(2u, m.R(5));
        var svc = Of(p, "svc_handler");
        Assert.Equal(2ul, svc.Calls);
        // Entry + adds 1 + bx 2 + exception return, twice.
        Assert.Equal(2ul * (ulong)(m.Core.Timing.ExceptionEntry + 3 + m.Core.Timing.ExceptionReturn), svc.SelfCycles);
        Assert.Equal(m.Core.Cycles, Of(p, "reset").TotalCycles + svc.TotalCycles);
    }

    [Fact]
    public void Sleep_in_wfi_is_kept_apart_from_the_function_that_slept()
    {
        var (m, r) = Profiled("""
            reset:
                movs r5, #0
                ldr r0, =0xE000E010
                ldr r1, =9999
                str r1, [r0, #4]
                str r1, [r0, #8]
                movs r1, #7
                str r1, [r0]
            1:
                wfi
                cmp r5, #2
                bne 1b
                bkpt #0
            systick_handler:
                adds r5, #1
                bx lr
            """);
        var p = r.Profile!;
        Assert.Equal(m.Core.SleepCycles, Of(p, FunctionTable.Sleep).SelfCycles);
        Assert.True(Of(p, "reset").SelfCycles < 100, $"reset self {Of(p, "reset").SelfCycles}: the sleep is not its own work");
        Assert.Equal(m.Core.Cycles, Of(p, "reset").TotalCycles + Of(p, "systick_handler").TotalCycles);
    }

    [Fact]
    public void Ram_touched_counts_each_byte_a_store_or_an_exception_frame_wrote_once()
    {
        var (_, r) = Profiled("""
            reset:
                ldr r0, =0x20000100
                movs r1, #1
                str r1, [r0]
                str r1, [r0]
                strb r1, [r0, #8]
                strh r1, [r0, #16]
                adds r0, #32
                movs r2, #0
                str r1, [r0, r2]
                push {r1, r2}
                svc #0
                bkpt #0
            svc_handler:
                bx lr
            """);
        // 4 (twice the same word) + 1 + 2 + 4 + the pushed 8 + the 32-byte frame below them.
        Assert.Equal(4 + 1 + 2 + 4 + 8 + 32, r.RamTouchedBytes);
        Assert.Equal(8 + 32, r.StackHighWaterBytes);
        Assert.Equal(0, r.StaticRamBytes);
    }
}
