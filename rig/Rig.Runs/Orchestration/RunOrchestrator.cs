using System.Globalization;
using Rig.Audio.Playlists;
using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Dsp.Frontend;
using Rig.Simulation.Room;
using Rig.Store;
using Rig.Store.History;

namespace Rig.Runs.Orchestration;

/// <summary>
/// `rig run`: plays a playlist through one or more boards (each clip once, collected from every
/// board in parallel), diffs every feature column against the golden model, commits each clip to
/// the run store as soon as it is known, and writes run.json and the history row per board (the report is the
/// caller's: the CLI makes it from run.json). With one board the run directory is the output folder; with
/// several, each board gets &lt;out&gt;/&lt;board id&gt;/.
/// </summary>
public sealed class RunOrchestrator(TimeProvider time, IRunProgress progress)
{
    /// <summary>
    /// Runs (or resumes) and returns one outcome per board. Cancelling <paramref name="ct"/> (Ctrl-C) lets the clip
    /// in flight finish and be committed, then writes run.json marked incomplete; `--resume` completes it.
    /// </summary>
    public IReadOnlyList<RunOutcome> Execute(RunOptions options, CancellationToken ct = default)
    {
        options = options.Validated();
        // The history is checked before anything is made: an unreachable server, a refused login or a newer schema stops here.
        using (HistoryStores.Open(options.HistoryStore)) { }
        var outExisted = Directory.Exists(options.OutDir);
        using var owned = RunFolderLock.Acquire(options.OutDir,
            $"pid {Environment.ProcessId} on {Environment.MachineName}, {(options.Resume ? "resuming" : "running")} {options.Profile} since {time.GetUtcNow():yyyy-MM-dd HH:mm:ss} UTC");
        if (!options.Resume) ExistingRun.Refuse(options.OutDir);
        var profile = ProfileCatalog.Load(options.Profile);
        var playlist = Playlist.Load(options.Playlist);
        ClipLengthCheck.Check(playlist, profile);
        var goldenHash = new Q15Frontend(profile.Frontend).ConfigHash;
        var startedAt = time.GetUtcNow();
        var acoustic = options.Mode == RunMode.Acoustic;
        var runs = new List<BoardRun>();
        try
        {
            try
            {
                OpenBoards(options, profile, playlist, goldenHash, startedAt, acoustic, runs);
            }
            catch when (!options.Resume)
            {
                // Nothing was played: leave no run behind, so the same --out works once the board does.
                foreach (var r in runs) r.Abandon();
                runs.Clear();
                owned.Abandon();
                if (!outExisted && Directory.Exists(options.OutDir) && !Directory.EnumerateFileSystemEntries(options.OutDir).Any()) Directory.Delete(options.OutDir);
                throw;
            }
            return Play(options, profile, playlist, runs, acoustic, ct);
        }
        finally
        {
            foreach (var r in runs) r.Dispose();
        }
    }

    /// <summary>Starts/opens every board and shakes hands with it (<see cref="BoardRun.Open"/>), in order.</summary>
    private void OpenBoards(RunOptions options, BoardProfile profile, Playlist playlist, uint goldenHash, DateTimeOffset startedAt, bool acoustic, List<BoardRun> runs)
    {
        for (var i = 0; i < options.Boards.Count; i++)
        {
            var target = options.Boards[i];
            var id = target.Id(i);
            var dir = options.Boards.Count == 1 ? options.OutDir : Path.Combine(options.OutDir, id);
            // The id lives in the store: a resumed run keeps it wherever its folder has been moved or copied to.
            var stored = options.ResumedRuns?[i];
            var header = new RunHeader(stored?.RunId ?? NewRunId(profile.Name, startedAt, options.Boards.Count == 1 ? null : id), profile.Name, options.Mode,
                target.ToString(), Path.GetFullPath(playlist.File), $"0x{goldenHash:X8}", stored?.StartedAt ?? startedAt, playlist.Items.Count);
            var boardOptions = options with { LineFaults = options.LineFaults?.ForBoard(i) };
            var run = BoardRun.Open(target, id, dir, header, profile.Name, goldenHash, profile.Serial, acoustic, boardOptions, time);
            runs.Add(run);
            StoredClips.Check(run, playlist);
            StoredClips.CheckSameBoard(run);
        }
    }

    private IReadOnlyList<RunOutcome> Play(RunOptions options, BoardProfile profile, Playlist playlist, List<BoardRun> runs, bool acoustic, CancellationToken ct)
    {
        var rate = profile.Frontend.SampleRate;
        var golden = TryModelGolden(options, profile);
        var todo = playlist.Items.Where(item => runs.Any(r => !r.Done.ContainsKey(item.Index))).ToList();
        progress.Begin(todo.Count, playlist.Items.Count - todo.Count);
        var start = time.GetTimestamp();
        double audioSeconds = 0;
        var played = 0;
        var first = true;
        var interrupted = false;
        foreach (var item in todo)
        {
            // Checked between clips only: the clip in flight always finishes and is committed.
            if (ct.IsCancellationRequested) { interrupted = true; break; }
            if (options.StopAfterClips is int stop && played >= stop) break;
            // A board that stopped for good (an emulated image's fault) sits out the rest; the others go on.
            var pending = runs.Where(r => r.Failure is null && !r.Done.ContainsKey(item.Index)).ToList();
            if (pending.Count == 0) continue;
            var writeFeatures = first;
            if (first) HaltForGdb(pending, item.Name, options.Firmware);
            var results = acoustic ? PlayAcoustic(profile, item, pending, writeFeatures, golden) : PlayInject(profile, item, pending, rate, writeFeatures, golden);
            first = false;
            audioSeconds += item.DurationSeconds;
            played++;
            progress.ClipDone(item.Name, string.Join(", ", results.Select(r => $"{r.Predicted}{(r.MismatchingValues == 0 ? "" : $" ({r.MismatchingValues} values differ)")}" +
                (r.ModelMismatchingValues == 0 ? "" : $" (model: {r.ModelMismatchingValues} output values differ{(r.FirstDivergingLayer is { } l ? $", first at {l.Describe()}" : "")})"))));
        }
        var wall = time.GetElapsedTime(start).TotalSeconds;
        bool Complete(BoardRun r) => r.Failure is null && playlist.Items.All(i => r.Done.ContainsKey(i.Index) || r.Clips.Any(c => c.Index == i.Index));
        var model = golden?.Summary ?? TryModelSummary(profile.Name);
        var outcomes = new List<RunOutcome>();
        foreach (var r in runs)
        {
            var complete = Complete(r);
            var power = interrupted ? PowerResult.NotMeasured("the run was stopped before power was measured")
                : r.Failure is { } failure ? PowerResult.NotMeasured("the board stopped: " + failure.Stop)
                : MeasurePower(options, profile, playlist, r, ct);
            var result = RunResultBuilder.Build(r, profile, time.GetUtcNow(), complete, wall, audioSeconds, model, power) with { Memory = options.Memory, Host = Environment.MachineName };
            RunJson.Write(r.RunDir, result);
            r.Store.FinishRun(result);
            outcomes.Add(new RunOutcome(r.Id, Path.GetFullPath(r.RunDir), result)
            {
                Interrupted = interrupted,
                Failure = r.Failure,
                HistoryError = complete ? RecordHistory(options, result, r.RunDir) : null,
            });
        }
        return outcomes;
    }

    /// <summary>How long a finished run waits for a history server that is down (restarting) before leaving the run to `rig history --sync`.</summary>
    private static readonly TimeSpan s_historyWait = TimeSpan.FromSeconds(30);

    /// <summary>Records the finished run in the history; a store that refuses leaves the run's local results whole and says how to sync them.</summary>
    private string? RecordHistory(RunOptions options, RunResult result, string runDir)
    {
        try
        {
            HistorySync.Record(StoreLocation.Resolve(options.HistoryStore), result, Path.GetFullPath(runDir), time, s_historyWait);
            return null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return e.Message;
        }
    }

    /// <summary>`--gdb`: each emulated board with a GDB server halts before the first clip, until gdb continues (or --gdb-wait passes).</summary>
    private static void HaltForGdb(List<BoardRun> runs, string clip, string? firmware)
    {
        foreach (var r in runs)
            if (r.Gdb is { } gdb && !gdb.Debugger.StartedHalted) // halted at reset, it was gdb's before the handshake
            {
                gdb.Debugger.HaltBeforeNextRun($"before the first clip '{clip}'");
                Console.Error.WriteLine($"rig run: {r.Id} halted before the first clip '{clip}'; attach with: gdb-multiarch {firmware ?? r.Emulated?.Chip.Elf.Path} " +
                                        $"-ex 'target extended-remote localhost:{gdb.Port}', set breakpoints, then 'continue' (detach lets the run go on)");
            }
    }

    private List<ClipResult> PlayInject(BoardProfile profile, PlaylistItem item, List<BoardRun> runs, int rate, bool writeFeatures, Diff.ModelGolden? golden)
    {
        var samples = ClipRenderer.RenderQ15(item, rate);
        var tasks = runs.Select(r => Task.Run(() =>
        {
            var cost = ClipCost.Start(r.Session.Link, time);
            var link = LinkTotals.Session(r);
            var capture = r.Session.PlayInject(item.Name, samples, profile.Classifier.WindowColumns, profile.Classifier.WindowHopColumns);
            var clip = ClipEvaluation.Evaluate(profile, item, samples, capture, r.RunDir, writeFeatures, golden);
            if (clip.MismatchingValues > 0) clip = LocateDivergence(profile, item, samples, r, clip);
            if (clip.ModelMismatchingValues > 0) clip = LocateLayer(profile, item, samples, capture, r, clip, golden!);
            return Commit(r, cost.Charge(clip), capture, link);
        }).ContinueWith(t => Survive(r, t), TaskScheduler.Default)).ToArray();
        return WaitAll(tasks);
    }

    private List<ClipResult> PlayAcoustic(BoardProfile profile, PlaylistItem item, List<BoardRun> runs, bool writeFeatures, Diff.ModelGolden? golden)
    {
        var rate = profile.Frontend.SampleRate;
        var sound = ClipRenderer.Render(item, rate);
        var expected = sound.Length;
        // One speaker, many listeners: physical boards share one ALSA playback of the clip (started by
        // the first of them); each virtual board hears it through its own seat in the virtual room.
        var firstPhysical = runs.FirstOrDefault(r => r.Target.IsSerial);
        var tasks = runs.Select((r, listener) => Task.Run(() =>
        {
            var cost = ClipCost.Start(r.Session.Link, time);
            var link = LinkTotals.Session(r);
            Action play;
            if (r.Virtual is { } board)
            {
                var heard = new VirtualRoom(profile.Acoustic, rate, listener).Capture(sound);
                play = () => board.WriteMicrophone(heard);
            }
            else if (r.Emulated is { } emulated)
            {
                // The emulated chip's ADC/PDM model takes these one conversion at a time, in emulated time. Queued now,
                // while the core stands still (it runs only inside the session's reads), so the run stays deterministic;
                // the conversions of the few ms until the board's START lead the clip into the idle ADC, and silence ends it.
                emulated.Microphone.Write(new VirtualRoom(profile.Acoustic, rate, listener).Capture(sound));
                play = () => { };
            }
            else if (r == firstPhysical)
                play = () =>
                {
                    using var speaker = Parts.RigParts.Speaker(profile.Acoustic.Device, rate, time);
                    speaker.Play(sound);
                    speaker.Drain();
                };
            else
                play = () => { };
            var capture = r.Session.PlayAcoustic(item.Name, expected, play, profile.Classifier.WindowColumns, profile.Classifier.WindowHopColumns);
            var clip = ClipEvaluation.Evaluate(profile, item, capture.Captured!, capture, r.RunDir, writeFeatures, golden);
            // The layer dump injects what the board heard: the same columns, so the same windows.
            if (clip.ModelMismatchingValues > 0) clip = LocateLayer(profile, item, capture.Captured!, capture, r, clip, golden!);
            return Commit(r, cost.Charge(clip), capture, link);
        }).ContinueWith(t => Survive(r, t), TaskScheduler.Default)).ToArray();
        return WaitAll(tasks);
    }

    /// <summary>Replays a differing clip in debug mode (every stage streamed) to name the first stage that diverges.</summary>
    private static ClipResult LocateDivergence(BoardProfile profile, PlaylistItem item, short[] samples, BoardRun r, ClipResult clip)
    {
        var golden = new Q15Frontend(profile.Frontend).ComputeAll(samples);
        var debug = r.Session.PlayInject(item.Name + " (stage dump)", samples, profile.Classifier.WindowColumns, profile.Classifier.WindowHopColumns, stages: true);
        var board = debug.Columns.Select(c => c.Values).ToList();
        var column = Diff.FeatureDiff.Compare(golden, board).FirstDifferingColumn ?? 0;
        var stage = Diff.StageLocator.FirstDifferingStage(profile.Frontend, samples, column, debug.Stages);
        return clip with { FirstDifferingStage = stage ?? Diff.StageLocator.OutputStage(profile.Frontend) };
    }

    /// <summary>
    /// A clip whose model output differs: the first differing window is played again with the board dumping every layer
    /// (LAYER messages), and the golden twin's trace of that window (from the board's own columns) names the first
    /// layer that diverges. Graph models only (model.c's MLP has no layers to dump).
    /// </summary>
    private static ClipResult LocateLayer(BoardProfile profile, PlaylistItem item, short[] samples, Clips.ClipCapture capture, BoardRun r, ClipResult clip, Diff.ModelGolden golden)
    {
        if (golden.Graph is null) return clip;
        var columns = capture.Columns.Select(c => c.Values).ToList();
        var window = Diff.ModelDiff.Compare(golden.Windows(columns), capture.Windows).FirstDifferingWindow ?? 0;
        var c = profile.Classifier;
        if (window * c.WindowHopColumns + c.WindowColumns > columns.Count) return clip; // a window the board made from columns the host never got
        var end = (window * c.WindowHopColumns + c.WindowColumns - 1) * profile.Frontend.Hop + profile.Frontend.FftLength;
        var dump = r.Session.PlayLayerDump(item.Name + " (layer dump)", samples, c.WindowColumns, c.WindowHopColumns, window, end);
        return clip with { FirstDivergingLayer = Diff.LayerLocator.First(golden.Graph, golden.Trace(columns, window), window, dump.Layers) };
    }

    /// <summary>The golden twin of the boards' model; null (with a message) when its files cannot be read: the output is then not compared.</summary>
    private Diff.ModelGolden? TryModelGolden(RunOptions options, BoardProfile profile)
    {
        try { return Diff.ModelGolden.Load(profile, options.ModelDirectory ?? Rig.Core.RepoPaths.Generated(profile.Name)); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            progress.Message($"model output not compared with the golden twin: {e.Message}");
            return null;
        }
    }

    /// <summary>Stores the clip with its raw cycle counts and the link counters it added, so a resume recomputes the run from every clip.</summary>
    private static ClipResult Commit(BoardRun run, ClipResult clip, Clips.ClipCapture capture, Rig.Core.Runs.LinkCounters linkBefore)
    {
        var columns = capture.Columns.Select(c => (double)c.Cycles).ToList();
        var models = capture.Windows.Select(w => (double)w.ModelCycles).ToList();
        var samples = new ClipSamples(columns, models, LinkTotals.Minus(LinkTotals.Session(run), linkBefore),
            capture.Stats is null ? null : RunResultBuilder.BoardStatsOf(capture.Stats), StoredClips.BoardIdentity(run.Session.Hello));
        run.Store.RecordClip(run.Header.RunId, clip, samples);
        run.Clips.Add(clip);
        run.ColumnCycles.AddRange(columns);
        run.ModelCycles.AddRange(models);
        run.LastStats = capture.Stats;
        return clip;
    }

    /// <summary>A run's own id, made once when it starts and kept in its store (never the folder's name, which can change).</summary>
    private static string NewRunId(string profile, DateTimeOffset startedAt, string? board) =>
        $"{profile}-{startedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}" + (board is null ? "" : "-" + board);

    /// <summary>
    /// A board's clip task, with an emulated board that stopped for good (its image faulted, or a register its model
    /// lacks) kept as that board's failure instead of ending the run: the other boards go on.
    /// </summary>
    private static ClipResult? Survive(BoardRun run, Task<ClipResult> task)
    {
        if (task.Exception?.InnerExceptions is [Rig.Emulation.Boards.Host.EmulatedBoardStoppedException stopped])
        {
            run.Failure = stopped;
            return null;
        }
        return task.GetAwaiter().GetResult();
    }

    private static List<ClipResult> WaitAll(Task<ClipResult?>[] tasks)
    {
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return tasks.Select(t => t.Result).OfType<ClipResult>().ToList();
    }

    private static ModelSummary? TryModelSummary(string profile)
    {
        try { return Rig.Model.Files.ModelFiles.Load(profile).Summary(); }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// Energy per inference through the board's BURST/IDLE (rig/Rig.Runs/Power): the same real-board path for a
    /// serial board and a virtual one. Never fails the run: trouble is "not measured" with the reason.
    /// </summary>
    private PowerResult MeasurePower(RunOptions options, BoardProfile profile, Playlist playlist, BoardRun run, CancellationToken ct)
    {
        if (!options.Energy) return PowerResult.NotMeasured("run without --energy");
        var audio = ClipRenderer.RenderQ15(playlist.Items[0], profile.Frontend.SampleRate);
        var power = Power.RunEnergy.Measure(profile, run, audio, options.Session ?? Link.SessionOptions.From(profile.Serial.Timeouts), time, options.EnergyFaults, ct);
        progress.Message($"{run.Id}: power " + (power.Measured ? $"{power.Monitor}, {power.Clock?.Label()}" : "not measured: " + power.Reason));
        return power;
    }
}

/// <summary>One board's finished (or stopped) run; <see cref="Interrupted"/> when Ctrl-C (or SIGTERM) stopped it between clips.</summary>
public sealed record RunOutcome(string BoardId, string RunDir, RunResult Result)
{
    public bool Interrupted { get; init; }

    /// <summary>Why this board stopped mid-run while the others went on (an emulated board's fault), or null.</summary>
    public Rig.Emulation.Boards.Host.EmulatedBoardStoppedException? Failure { get; init; }

    /// <summary>Why the history did not record the finished run (its run.json and run.db are whole); null when it did.</summary>
    public string? HistoryError { get; init; }
}
