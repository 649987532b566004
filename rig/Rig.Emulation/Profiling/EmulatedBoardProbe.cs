using Rig.Emulation.Boards;
using Rig.Emulation.Cpu;
using Rig.Elf.Format;

namespace Rig.Emulation.Profiling;

/// <summary>
/// What the emulator measures about the firmware on an emulated board for a whole run, attached from reset and
/// again to the new core each time the image resets the chip (<see cref="EmulatedBoard.Rebooted"/>); the result
/// adds up every boot's profile and keeps the deepest stack and the most SRAM written. With functions, a
/// <see cref="FirmwareProbe"/> traces every instruction (profile, stack, SRAM written: about 2x the CPU time);
/// without, only the stack is measured, by the core's own lowest SP (<see cref="CoreStackWatch"/>, no trace: the core's
/// fast loop).
/// </summary>
public sealed class EmulatedBoardProbe
{
    readonly bool functions;
    readonly List<FirmwareMeasurements> earlier = [];
    Func<FirmwareMeasurements> current;

    EmulatedBoardProbe(EmulatedBoard board, bool functions)
    {
        this.functions = functions;
        current = Start(board.Core, board.Chip.Elf);
        board.Rebooted += b =>
        {
            earlier.Add(current());
            current = Start(b.Core, b.Chip.Elf);
        };
    }

    /// <summary>
    /// Attaches to <paramref name="board"/>'s core before it runs: with <paramref name="functions"/> the whole probe
    /// (per-function profile and SRAM written too), else the stack high-water alone.
    /// </summary>
    public static EmulatedBoardProbe Attach(EmulatedBoard board, bool functions = true) => new(board, functions);

    Func<FirmwareMeasurements> Start(ArmCore core, ElfFile elf)
    {
        if (!functions) return CoreStackWatch.Start(core, elf).Result;
        var probe = FirmwareProbe.Create(core, elf);
        core.Trace = probe;
        return probe.Result;
    }

    public FirmwareMeasurements Result() => FirmwareMeasurements.Combine([.. earlier, current()]);
}
