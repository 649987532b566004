using Rig.Emulation.Boards;
using Rig.Emulation.Cpu;
using Rig.Elf.Format;

namespace Rig.Emulation.Profiling;

/// <summary>
/// A <see cref="FirmwareProbe"/> on an emulated board for a whole run: attached to its core from reset, and
/// again to the new core each time the image resets the chip (<see cref="EmulatedBoard.Rebooted"/>); the
/// result adds up every boot's profile and keeps the deepest stack and the most SRAM written.
/// </summary>
public sealed class EmulatedBoardProbe
{
    readonly List<FirmwareMeasurements> earlier = [];
    FirmwareProbe current;

    EmulatedBoardProbe(EmulatedBoard board)
    {
        current = Start(board.Core, board.Chip.Elf);
        board.Rebooted += b =>
        {
            earlier.Add(current.Result());
            current = Start(b.Core, b.Chip.Elf);
        };
    }

    /// <summary>Attaches to <paramref name="board"/>'s core (its <see cref="ArmCore.Trace"/>) before it runs.</summary>
    public static EmulatedBoardProbe Attach(EmulatedBoard board) => new(board);

    static FirmwareProbe Start(ArmCore core, ElfFile elf)
    {
        var probe = FirmwareProbe.Create(core, elf);
        core.Trace = probe;
        return probe;
    }

    public FirmwareMeasurements Result() => FirmwareMeasurements.Combine([.. earlier, current.Result()]);
}
