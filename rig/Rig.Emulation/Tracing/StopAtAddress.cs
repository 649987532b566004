using Rig.Emulation.Cpu;

namespace Rig.Emulation.Tracing;

/// <summary>
/// Passes every instruction on to <paramref name="inner"/> and ends the run (<see cref="StopReason.Breakpoint"/>)
/// once the PC reaches <paramref name="address"/>: a program that ends in a `b .` at a known symbol
/// (the selftest programs' selftest_done) ends there, as at a debugger's breakpoint.
/// </summary>
public sealed class StopAtAddress(IInstructionTrace? inner, uint address, string name) : IInstructionTrace
{
    public void Executed(ArmCore core, uint pc, ushort hw1, ushort hw2, bool skipped, ulong cycles)
    {
        inner?.Executed(core, pc, hw1, hw2, skipped, cycles);
        if (core.Pc == address) core.StopRun(StopReason.Breakpoint, $"reached {name}");
    }
}
