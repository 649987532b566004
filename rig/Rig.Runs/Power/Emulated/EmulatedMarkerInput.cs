using Rig.Core.Seams;
using Rig.Emulation.Boards;

namespace Rig.Runs.Power.Emulated;

/// <summary>
/// The emulated board's marker pin as the rig host's GPIO input: its edges as the chip's GPIO model drove them,
/// stamped with core cycles (the board's clock). <see cref="Arm"/> also tells the bench that a window series runs,
/// so waits on the bench's clock let the sampler catch up (<see cref="EmulatedBenchTime"/>).
/// </summary>
public sealed class EmulatedMarkerInput(EmulatedBoard board, SamplerClock sampler) : IMarkerInput
{
    private ulong _armedAt;

    /// <summary>True once a window series started (the first <see cref="Arm"/>).</summary>
    public bool SeriesRunning { get; private set; }

    public bool Read() => board.Activity.MarkerAt((ulong)sampler.GetTimestamp());

    public void Arm()
    {
        _armedAt = board.Cycles;
        SeriesRunning = true;
    }

    public (long Start, long Stop)? Window => board.Activity.MarkedAfter(_armedAt) is { } w ? ((long)w.Rise, (long)w.Fall) : null;

    public void Dispose() { }
}
