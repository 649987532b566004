using Rig.Emulation.Cpu;
using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Cpu;

/// <summary>The core's control-flow hook (<see cref="ArmCore.Flow"/>): each transfer once, after it retired.</summary>
public sealed class ControlFlowTraceTests
{
    const string Program = """
        reset:
            bl leaf
            svc #0
            ldr r0, =target
            blx r0
            movs r1, #0
            cmp r1, #1
            beq reset
            b done
        done:
            bkpt #0
        leaf:
            push {lr}
            pop {pc}
        target:
            bx lr
        svc_handler:
            bx lr
        """;

    sealed class Recorder : IControlFlowTrace
    {
        public List<(ControlTransfer Transfer, ulong Cycles, uint Pc)> Seen { get; } = [];

        public void Transferred(ArmCore core, in ControlTransfer transfer) => Seen.Add((transfer, core.Cycles, core.Pc));
    }

    static List<(ControlTransfer Transfer, ulong Cycles, uint Pc)> Record(bool step)
    {
        var m = TestMachine.Of(Program);
        var recorder = new Recorder();
        m.Core.Flow = recorder;
        if (step)
        {
            EmulationStop? stop = null;
            for (var i = 0; i < 1000 && stop is null; i++) stop = m.Core.Step();
            Assert.Equal(StopReason.Breakpoint, stop?.Reason);
        }
        else m.RunToBreakpoint();
        return recorder.Seen;
    }

    [Fact]
    public void Calls_returns_jumps_and_exceptions_are_reported_in_order_with_their_addresses()
    {
        var m = TestMachine.Of(Program);
        var seen = Record(step: false);
        uint At(string label) => m.Address(label) & ~1u;
        var reset = At("reset");
        // reset: BL (4 bytes) at +0, SVC at +4, LDR at +6, BLX at +8, MOVS +10, CMP +12, BEQ (not taken) +14, B +16.
        ControlTransfer[] expected =
        [
            new(ControlFlow.Call, reset, At("leaf")),
            new(ControlFlow.Return, At("leaf") + 2, reset + 4),
            new(ControlFlow.ExceptionEntry, reset + 6, At("svc_handler"), 11),
            new(ControlFlow.ExceptionReturn, At("svc_handler"), reset + 6, 11),
            new(ControlFlow.Call, reset + 8, At("target")),
            new(ControlFlow.Return, At("target"), reset + 10),
            new(ControlFlow.Jump, reset + 16, At("done")),
        ];
        Assert.Equal(expected, seen.Select(s => s.Transfer));
        // Each report comes with the PC already at the target.
        Assert.All(seen, s => Assert.Equal(s.Transfer.To, s.Pc));
    }

    [Fact]
    public void A_transfer_is_reported_after_its_instruction_retired()
    {
        var seen = Record(step: false);
        // The BL is the first instruction: 3 cycles on the Cortex-M0+ (ARM DDI 0484C table 3-1), all counted at its report.
        Assert.Equal(3ul, seen[0].Cycles);
        // The SVC's entry: BL 3, PUSH {lr} 1+1, POP {pc} 3+1, SVC 1, then the 15-cycle entry (DDI 0484C 3.6.1): 25.
        Assert.Equal(3ul + 2 + 4 + 1 + 15, seen[2].Cycles);
    }

    [Fact]
    public void Stepping_reports_what_a_run_reports()
    {
        Assert.Equal(Record(step: false), Record(step: true));
    }
}
