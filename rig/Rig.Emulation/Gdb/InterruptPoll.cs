using Rig.Emulation.Cpu;
using Rig.Emulation.Cpu.Exceptions;

namespace Rig.Emulation.Gdb;

/// <summary>
/// gdb's ^C reaching a running core: a clocked device that looks at the session's request once every
/// <paramref name="interval"/> cycles (an emulated millisecond) and halts the board between two instructions.
/// One volatile read per millisecond: nothing on the per-instruction path.
/// </summary>
internal sealed class InterruptPoll(GdbBoardDebugger debugger, ArmCore core, ulong interval) : IClocked
{
    public ArmCore Core { get; } = core;

    public ulong NextEventCycle { get; private set; } = core.Cycles + interval;

    public void Service(ulong now)
    {
        NextEventCycle = now + interval;
        if (!debugger.TakeInterruptRequest()) return;
        debugger.HaltFromCore(new GdbHalt(GdbHalt.SigInt, "interrupted by gdb"));
        Core.Yield();
    }
}
