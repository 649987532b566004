using Rig.Emulation.Boards;
using Rig.Emulation.Boards.Host;

namespace Rig.Emulation.Gdb;

/// <summary>
/// Runs an emulated board nobody else drives (`rig emulate --gdb`): in slices of emulated time, parked while gdb
/// holds it halted, paced so emulated time never runs ahead of the wall clock (an idle port in WFI would otherwise
/// spin the host at full speed; a busy one runs as fast as the emulator can). Ends when gdb kills the board, the
/// board stops for good, or <paramref name="stop"/> is set.
/// </summary>
public static class GdbBoardRunner
{
    static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(10);

    /// <summary>Returns the stop that ended the board, or null when gdb killed it (or <paramref name="stop"/> was set).</summary>
    public static EmulatedBoardStoppedException? Run(EmulatedBoard board, GdbServer server, TimeProvider time, CancellationToken stop)
    {
        var wallStart = time.GetTimestamp();
        var cyclesStart = board.Cycles;
        var wasHalted = true;
        while (!server.Killed && !stop.IsCancellationRequested)
        {
            try
            {
                board.RunFor(Slice);
            }
            catch (EmulatedBoardStoppedException e)
            {
                return e;
            }
            var halted = server.Debugger.IsHalted;
            if (halted || wasHalted)
            {
                // Pacing restarts after every halt: gdb's time at a breakpoint is not the board's.
                wallStart = time.GetTimestamp();
                cyclesStart = board.Cycles;
            }
            wasHalted = halted;
            var ahead = TimeSpan.FromSeconds((board.Cycles - cyclesStart) / (double)board.ClockHz) - time.GetElapsedTime(wallStart);
            if (ahead > TimeSpan.Zero) server.Finished.Wait(ahead < TimeSpan.FromMilliseconds(50) ? ahead : TimeSpan.FromMilliseconds(50), stop);
        }
        return null;
    }
}
