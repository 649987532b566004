using Rig.Core.Runs;
using Rig.Runs.Link;
using Rig.Runs.Parts;
using Rig.Simulation.Board;
using Rig.Simulation.Link;
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
    /// <summary>The emulated board behind the session (`--board emulated`), or null: its core, cycles and pins (profiler, energy).</summary>
    public Rig.Emulation.Boards.EmulatedBoard? Emulated { get; init; }
    /// <summary>The emulated board's firmware probe (function profile, emulator stack high-water, SRAM written), or null.</summary>
    public Rig.Emulation.Profiling.EmulatedBoardProbe? Probe { get; init; }
    /// <summary>The GDB server on the emulated board (`--gdb`): the run halts the board before the first clip for it.</summary>
    public Rig.Emulation.Gdb.GdbServer? Gdb { get; init; }
    /// <summary>Why this board stopped mid-run while the others went on (an emulated image's fault), or null.</summary>
    public Rig.Emulation.Boards.Host.EmulatedBoardStoppedException? Failure { get; set; }
    public required BoardSession Session { get; init; }
    /// <summary>The image the board reported and the one it was expected to run (run.json firmware).</summary>
    public required Rig.Core.Runs.FirmwareIdentity Firmware { get; init; }
    /// <summary>Clips committed before this process started (a resume), keyed by index.</summary>
    public required Dictionary<int, ClipResult> Done { get; init; }
    /// <summary>Sessions that played clips of this run before this one (0 for a new run).</summary>
    public int PreviousSessions { get; init; }
    public List<ClipResult> Clips { get; } = [];
    /// <summary>Link counters the clips of earlier sessions added (from the store); zero for a new run.</summary>
    public LinkCounters EarlierLink { get; init; } = new();
    /// <summary>The board's STATS after the last clip of an earlier session, for a resume that plays nothing.</summary>
    public BoardStats? EarlierStats { get; init; }
    /// <summary>
    /// False when a clip of an earlier session was stored without its raw cycle counts (a store older than them):
    /// the run's cycle figures then fall back to the clips' medians.
    /// </summary>
    public bool SamplesComplete { get; init; } = true;
    /// <summary>What the board that played the earlier sessions' clips said it was (null for a new run).</summary>
    public string? EarlierBoard { get; init; }
    public List<double> ColumnCycles { get; } = [];
    public List<double> ModelCycles { get; } = [];
    public Rig.Protocol.Messages.StatsReport? LastStats { get; set; }
    /// <summary>What carried the bytes, so run.json says whether the wall time was paced by a wire.</summary>
    public WireKind Wire { get; init; }

    /// <summary>Chaos link between host and board (`--line-faults`), or null.</summary>
    public ChaosLink? Chaos { get; init; }

    /// <summary>
    /// Starts or opens the board, shakes hands (HELLO, config hash), and only then opens the run
    /// store: a port that is absent or a board that does not answer leaves no run.db behind.
    /// </summary>
    public static BoardRun Open(BoardTarget target, string id, string runDir, RunHeader header, string profile, uint goldenHash,
                                Rig.Core.Profiles.SerialSection wire, bool microphone, RunOptions options, TimeProvider time)
    {
        RigParts.BoardLinkParts? parts = null;
        BoardSession? session = null;
        RunStore? store = null;
        try
        {
            var waits = options.Session ?? SessionOptions.From(wire.Timeouts);
            parts = RigParts.OpenBoard(target, profile, wire, microphone, options, waits.SilenceTimeout, time);
            var (link, board, chaos) = parts;
            // From reset on, before the handshake runs the core.
            var probe = parts.Emulated is { } emulated ? Rig.Emulation.Profiling.EmulatedBoardProbe.Attach(emulated, options.ProfileFunctions) : null;
            // Booted before the host speaks, as a board on the desk is: its boot HELLO waits for the handshake.
            parts.Emulated?.PowerOn(waits.HelloTimeout);
            // An emulated board's waits are measured on its own clock (emulated time): the run is deterministic.
            session = new BoardSession(id, link, profile, goldenHash, waits, parts.SessionTime ?? time);
            var hello = session.Connect();
            // Within the handshake's bound: a board on another image is refused before a run folder exists.
            var firmware = ImageCheck.Verify(id, profile, hello, parts.ExpectedImage, options.AnyImage);
            // A board that resets mid-run is checked again: the image it comes back on must be the one it started with.
            session.CheckAfterRestart = again => ImageCheck.Verify(id, profile, again, parts.ExpectedImage, options.AnyImage);
            Directory.CreateDirectory(runDir);
            store = RunStore.Open(RunStore.RunDbPath(runDir));
            if (options.Resume) store.CheckIntegrity();
            var runId = store.BeginRun(header);
            var done = store.CompletedClips(runId).ToDictionary(c => c.Index);
            var samples = store.CompletedSamples(runId);
            var earlier = done.Keys.Order().Select(i => samples.GetValueOrDefault(i)).ToList();
            // A session that ended normally left its run.json (with its session count) in the store; a killed one did not, but its clips count as one.
            var previousSessions = store.FinishedRun(runId)?.Timing?.Sessions ?? (done.Count > 0 ? 1 : 0);
            var run = new BoardRun
            {
                Target = target, Id = id, RunDir = runDir, Store = store, Header = header with { RunId = runId },
                Virtual = board, Emulated = parts.Emulated, Gdb = parts.Gdb, Probe = probe, Session = session, Firmware = firmware, Chaos = chaos, Done = done, PreviousSessions = previousSessions,
                Wire = target.Kind switch
                {
                    BoardKind.Serial => WireKind.Uart,
                    BoardKind.Emulated => WireKind.EmulatedUart,
                    _ => options.PacedUart ? WireKind.PacedVirtualUart : WireKind.UnpacedPty,
                },
                EarlierLink = earlier.OfType<ClipSamples>().Select(x => x.Link).Aggregate(new LinkCounters(), LinkTotals.Plus),
                EarlierStats = earlier.LastOrDefault()?.Stats,
                SamplesComplete = earlier.All(x => x is not null),
                EarlierBoard = earlier.LastOrDefault()?.Board,
            };
            foreach (var x in earlier.OfType<ClipSamples>())
            {
                run.ColumnCycles.AddRange(x.ColumnCycles);
                run.ModelCycles.AddRange(x.ModelCycles);
            }
            return run;
        }
        catch
        {
            if (session is not null) session.Dispose(); else parts?.Link.Dispose();
            parts?.Virtual?.Dispose();
            parts?.Gdb?.Dispose();
            parts?.Emulated?.Dispose();
            store?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// After a failed start of a new run: closes everything and removes the run store this attempt
    /// created (and its folder when that is left empty), so the same --out can be used again.
    /// </summary>
    public void Abandon()
    {
        Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            var file = Store.Path + suffix;
            if (File.Exists(file)) File.Delete(file);
        }
        if (Directory.Exists(RunDir) && !Directory.EnumerateFileSystemEntries(RunDir).Any()) Directory.Delete(RunDir);
    }

    public void Dispose()
    {
        Session.Dispose();
        Virtual?.Dispose();
        Gdb?.Dispose();
        Emulated?.Dispose();
        Store.Dispose();
    }
}
