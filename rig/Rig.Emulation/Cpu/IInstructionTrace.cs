namespace Rig.Emulation.Cpu;

/// <summary>
/// Sees every instruction after it executed: its address, halfwords (<paramref name="hw2"/> is 0
/// for a 16-bit one), whether its IT condition failed, and the cycles it cost.
/// </summary>
public interface IInstructionTrace
{
    void Executed(ArmCore core, uint pc, ushort hw1, ushort hw2, bool skipped, ulong cycles);
}
