using Rig.Emulation.Cpu;

namespace Rig.Emulation.Tests.Support;

/// <summary>
/// A Thumb-2 executor that implements no encoding: lets the core's own ARMv7-M 16-bit encodings
/// (IT, CBZ/CBNZ) be tested on an M4 core before the real executor (iss-thumb2) is wired, and
/// shows that an encoding nobody implements stops the run.
/// </summary>
public sealed class NoThumb32 : IThumb32Executor
{
    public bool Execute(ArmCore core, ushort hw1, ushort hw2) => false;
}
