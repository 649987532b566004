using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Hardware.Power;
using Rig.Protocol.Messages;
using Rig.Runs.Link;
using Rig.Runs.Orchestration;
using Rig.Runs.Parts;
using Rig.Simulation.Board;
using Rig.Simulation.Power;

namespace Rig.Runs.Power;

/// <summary>
/// `rig run --energy` for one board, after its clips: picks the bench (the real INA219 and marker GPIO for a
/// serial board; for a virtual one the virtual INA219 and GPIO line on the native board's power line), sends
/// one window of a clip's audio so the board holds a known window, and runs <see cref="BurstEnergyRunner"/>.
/// Whatever goes wrong ends as "not measured" with the reason: the rest of the run is kept and the exit code
/// does not change.
/// </summary>
public static class RunEnergy
{
    public static PowerResult Measure(BoardProfile profile, BoardRun run, short[] clipAudio, SessionOptions session, TimeProvider time,
                                      VirtualBenchFaults? faults = null, CancellationToken ct = default) =>
        Measure(profile, run.Session, run.Virtual, run.RunDir, clipAudio, session, time, faults, run.Emulated, ct);

    /// <param name="virtualBoard">The native board behind the session, or null for a serial board.</param>
    /// <param name="runDir">Where the power trace CSV goes.</param>
    public static PowerResult Measure(BoardProfile profile, BoardSession boardSession, VirtualBoard? virtualBoard, string runDir, short[] clipAudio,
                                      SessionOptions session, TimeProvider time, VirtualBenchFaults? faults = null,
                                      Rig.Emulation.Boards.EmulatedBoard? emulated = null, CancellationToken ct = default)
    {
        var hello = boardSession.Hello;
        if (!hello.Supports(BoardCapabilities.Burst))
            return PowerResult.NotMeasured($"firmware has no BURST (board {boardSession.BoardId} speaks protocol v{hello.ProtocolVersion}, " +
                                           $"capabilities 0x{(byte)hello.Capabilities:X2}); flash a protocol v2 image to measure energy");
        var bench = RigParts.EnergyBench(profile, boardSession.BoardId, virtualBoard, time, faults, out var reason, emulated);
        if (bench is null) return PowerResult.NotMeasured(reason!);
        using (bench)
        {
            try
            {
                PrimeWindow(profile, boardSession, clipAudio);
                var plan = Plan(profile);
                var burstBoard = new SessionBurstBoard(boardSession, plan.WindowLimitSeconds, session.SilenceTimeout, bench.Time, emulated is not null);
                var measurement = BurstEnergyRunner.Measure(bench, burstBoard, plan, ct);
                return measurement.Result.Measured ? measurement.WriteTrace(runDir) : measurement.Result;
            }
            catch (Exception e) when (e is BoardLinkException or BoardRefusedException or IOException or TimeoutException)
            {
                return PowerResult.NotMeasured($"board {boardSession.BoardId}: {e.Message}");
            }
        }
    }

    /// <summary>The window limit and its name: the profile's longest window, or the board's watchdog when that is shorter.</summary>
    public static EnergyPlan Plan(BoardProfile profile)
    {
        var p = profile.Power;
        var name = p.WatchdogMs is { } w && w / 1000.0 < p.MaxWindowSeconds
            ? $"the board's watchdog (power.watchdog_ms = {w} in {profile.SourceFile})"
            : $"power.max_window_s ({profile.SourceFile})";
        return new EnergyPlan(p.WindowLimitSeconds, name) { HostWindow = true };
    }

    /// <summary>
    /// Plays exactly one model window of the clip's audio (W columns: frame + (W - 1) hops of samples), so the
    /// board's last window is one the host sent (BURST flag host window).
    /// </summary>
    private static void PrimeWindow(BoardProfile profile, BoardSession session, short[] clipAudio)
    {
        var fe = profile.Frontend;
        var w = profile.Classifier.WindowColumns;
        var n = fe.FftLength + (w - 1) * fe.Hop;
        var samples = new short[n];
        clipAudio.AsSpan(0, Math.Min(n, clipAudio.Length)).CopyTo(samples);
        session.PlayInject("(energy window)", samples, w, profile.Classifier.WindowHopColumns);
    }
}
