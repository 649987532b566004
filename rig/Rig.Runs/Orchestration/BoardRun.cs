using Rig.Core.Runs;
using Rig.Hardware.Serial;
using Rig.Runs.Link;
using Rig.Simulation.Board;
using Rig.Store;

namespace Rig.Runs.Orchestration;

/// <summary>One board's share of a run: its process (virtual), session, run directory and store, and what it produced.</summary>
public sealed class BoardRun : IDisposable
{
    public required BoardTarget Target { get; init; }
    public required string Id { get; init; }
    public required string RunDir { get; init; }
    public required RunStore Store { get; init; }
    public required RunHeader Header { get; init; }
    public VirtualBoard? Virtual { get; init; }
    public required BoardSession Session { get; init; }
    /// <summary>Clips committed before this process started (a resume), keyed by index.</summary>
    public required Dictionary<int, ClipResult> Done { get; init; }
    /// <summary>Sessions that played clips of this run before this one (0 for a new run).</summary>
    public int PreviousSessions { get; init; }
    public List<ClipResult> Clips { get; } = [];
    public List<double> ColumnCycles { get; } = [];
    public List<double> ModelCycles { get; } = [];
    public Rig.Protocol.Messages.StatsReport? LastStats { get; set; }
    /// <summary>What carried the bytes, so run.json says whether the wall time was paced by a wire.</summary>
    public WireKind Wire { get; init; }

    public static BoardRun Open(BoardTarget target, string id, string runDir, RunHeader header, string profile, uint goldenHash,
                                Rig.Core.Profiles.SerialSection wire, bool microphone, RunOptions options, TimeProvider time)
    {
        Directory.CreateDirectory(runDir);
        var store = RunStore.Open(RunStore.RunDbPath(runDir));
        VirtualBoard? board = null;
        SerialPortLink? serial = null;
        try
        {
            var runId = store.BeginRun(header);
            var done = store.CompletedClips(runId).ToDictionary(c => c.Index);
            // A session that ended normally left its run.json (with its session count) in the store; a killed one did not, but its clips count as one.
            var previousSessions = store.FinishedRun(runId)?.Timing?.Sessions ?? (done.Count > 0 ? 1 : 0);
            if (target.IsVirtual)
            {
                var faults = options.VirtualBoardFaults;
                var uart = options.PacedUart ? new UartPacing(wire.Baud, wire.RxBufferBytes) : null;
                board = VirtualBoard.Start(new VirtualBoardOptions(profile, microphone, faults?.FaultResetAfterBytes ?? 0, faults?.FaultSilentAfterBytes ?? 0, uart,
                    PowerLine: options.Energy));
            }
            serial = new SerialPortLink(board?.PtyPath ?? target.Port!, wire.Baud, options.Session.SilenceTimeout);
            Rig.Core.Seams.ISerialLink link = board is not null && options.VirtualBoardAsProtocolV1 ? new ProtocolV1Link(serial) : serial;
            var session = new BoardSession(id, link, profile, goldenHash, options.Session, time);
            return new BoardRun
            {
                Target = target, Id = id, RunDir = runDir, Store = store, Header = header with { RunId = runId },
                Virtual = board, Session = session, Done = done, PreviousSessions = previousSessions,
                Wire = !target.IsVirtual ? WireKind.Uart : options.PacedUart ? WireKind.PacedVirtualUart : WireKind.UnpacedPty,
            };
        }
        catch
        {
            serial?.Dispose();
            board?.Dispose();
            store.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Session.Dispose();
        Virtual?.Dispose();
        Store.Dispose();
    }
}
