namespace Rig.Emulation.Cpu.Thumb32;

// A5.3.18 coprocessor instructions / A6 floating-point. The shipped M4 images are built with
// -mfloat-abi=soft and leave the FPU off (firmware/boards/README.md): they contain no coprocessor
// encoding, so none is implemented yet and every one stops the run naming its halfwords.
public sealed partial class Thumb2Executor
{
    static bool Coprocessor(ArmCore core, uint a, uint b) => false;
}
