using Rig.Emulation.Cpu;

namespace Rig.Emulation.Gdb;

/// <summary>
/// gdb's breakpoints (Z0 and Z1 alike: the emulator needs no patched BKPT and no comparator limit): after each
/// instruction, a next PC on a breakpoint halts the board there before that instruction executes. Installed by
/// <see cref="GdbBoardDebugger"/> only while breakpoints exist (the core then runs its traced step path), in front
/// of whatever trace the board had (the profiler), which still sees every instruction.
/// A breakpoint on the first instruction of an exception handler is seen one instruction late: the core enters
/// the handler and executes its first instruction in one step.
/// </summary>
internal sealed class BreakpointTrace(GdbBoardDebugger debugger, IInstructionTrace? inner, HashSet<uint> addresses) : IInstructionTrace
{
    HashSet<uint> addresses = addresses;

    public IInstructionTrace? Inner { get; } = inner;

    /// <summary>Off while the session single-steps (the step reports its own stop).</summary>
    public bool Enabled { get; set; } = true;

    public void Set(HashSet<uint> now) => addresses = now;

    public void Executed(ArmCore core, uint pc, ushort hw1, ushort hw2, bool skipped, ulong cycles)
    {
        Inner?.Executed(core, pc, hw1, hw2, skipped, cycles);
        if (Enabled && addresses.Contains(core.Pc))
        {
            debugger.HaltFromCore(new GdbHalt(GdbHalt.SigTrap, $"breakpoint at 0x{core.Pc:X8}"));
            core.Yield();
        }
    }
}
