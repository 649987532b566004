using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Host;

/// <summary>
/// The emulated board ended for good: the image faulted (HardFault, lockup), touched a register nobody models, ran
/// an encoding the emulator does not implement, or slept with nothing to wake it. The message names the stop (PC,
/// symbol), the emulated time and the last frames exchanged. <see cref="ImageFault"/> says whether the image itself
/// is to blame (exit 1) or the invocation / the emulator's models (exit 2).
/// </summary>
public sealed class EmulatedBoardStoppedException(string message, EmulationStop stop, bool imageFault) : Exception(message)
{
    public EmulationStop Stop { get; } = stop;

    /// <summary>
    /// The image's own fault (HardFault, lockup, BKPT or exit, an access where the chip has no memory at all); false
    /// when the emulator is what cannot go on (a register the board model does not know, an encoding not implemented,
    /// a WFI nothing in the models can wake).
    /// </summary>
    public bool ImageFault { get; } = imageFault;
}
