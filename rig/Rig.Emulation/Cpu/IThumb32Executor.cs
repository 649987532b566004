namespace Rig.Emulation.Cpu;

/// <summary>
/// Executes the ARMv7E-M 32-bit Thumb-2 encodings that ARMv6-M lacks. The core has already
/// checked the IT condition; <paramref name="hw1"/> is the first halfword at <c>core.Pc</c>.
/// Returns false for an encoding it does not implement: the core then stops the run naming the
/// halfwords, PC and symbol (never a silent NOP).
/// </summary>
public interface IThumb32Executor
{
    bool Execute(ArmCore core, ushort hw1, ushort hw2);
}
