using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards;

/// <summary>
/// A debugger attached to an emulated board (rig/Rig.Emulation/Gdb): whichever thread runs the core (the host's
/// link reads, the timer pump, `rig emulate --gdb`'s runner) asks it first, so a halted board stays halted until the
/// debugger lets it go; it sees a rebuilt chip before it runs (what was flashed survives a reset) and a stop that
/// ends the board before the board reports it.
/// </summary>
public interface IBoardDebugger
{
    /// <summary>Before each run of the core (the caller holds the board's gate): blocks while the board is halted.</summary>
    void BeforeRun(EmulatedBoard board);

    /// <summary>A new chip (reset) before its first instruction: the debugger puts back what it flashed.</summary>
    void Rebuilt(EmulatedChip chip);

    /// <summary>A stop that ends the board (fault, unmapped access, BKPT in the image): shown to the debugger first.</summary>
    void Ending(EmulatedBoard board, EmulationStop stop);
}
