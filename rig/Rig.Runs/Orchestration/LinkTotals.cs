using Rig.Core.Runs;

namespace Rig.Runs.Orchestration;

/// <summary>
/// Link counters of a board's session as run.json reports them, and their arithmetic: what one clip added
/// (stored with the clip) and the whole run's total over every session of a resumed run.
/// </summary>
public static class LinkTotals
{
    /// <summary>The counters of this process's session with the board so far.</summary>
    public static LinkCounters Session(BoardRun run)
    {
        var link = run.Session.Link;
        var counters = link.Counters;
        return new LinkCounters
        {
            FramesReceived = counters.Frames,
            CrcErrors = counters.CrcErrors,
            GarbageBytes = counters.GarbageBytes,
            DroppedFrames = counters.DroppedFrames,
            Resyncs = link.Resyncs,
            Retries = run.Session.Retries,
            RetryLog = run.Session.RetryLog.ToArray(),
            ResentFrames = run.Session.Recovery.ResentFrames,
            ReplayedWindows = run.Session.Recovery.ReplayedWindows,
            RecoveredClips = run.Session.Recovery.RecoveredClips,
            FailedClips = run.Session.Recovery.FailedClips,
            InjectedFaults = run.Chaos?.Injected,
        };
    }

    /// <summary>What happened between two readings of the same session.</summary>
    public static LinkCounters Minus(LinkCounters after, LinkCounters before) => new()
    {
        FramesReceived = after.FramesReceived - before.FramesReceived,
        CrcErrors = after.CrcErrors - before.CrcErrors,
        GarbageBytes = after.GarbageBytes - before.GarbageBytes,
        DroppedFrames = after.DroppedFrames - before.DroppedFrames,
        Resyncs = after.Resyncs - before.Resyncs,
        Retries = after.Retries - before.Retries,
        RetryLog = after.RetryLog.Skip(before.RetryLog.Count).ToArray(),
        ResentFrames = after.ResentFrames - before.ResentFrames,
        ReplayedWindows = after.ReplayedWindows - before.ReplayedWindows,
        RecoveredClips = after.RecoveredClips - before.RecoveredClips,
        FailedClips = after.FailedClips - before.FailedClips,
        InjectedFaults = after.InjectedFaults,
    };

    public static LinkCounters Plus(LinkCounters a, LinkCounters b) => new()
    {
        FramesReceived = a.FramesReceived + b.FramesReceived,
        CrcErrors = a.CrcErrors + b.CrcErrors,
        GarbageBytes = a.GarbageBytes + b.GarbageBytes,
        DroppedFrames = a.DroppedFrames + b.DroppedFrames,
        Resyncs = a.Resyncs + b.Resyncs,
        Retries = a.Retries + b.Retries,
        RetryLog = a.RetryLog.Concat(b.RetryLog).ToArray(),
        ResentFrames = a.ResentFrames + b.ResentFrames,
        ReplayedWindows = a.ReplayedWindows + b.ReplayedWindows,
        RecoveredClips = a.RecoveredClips + b.RecoveredClips,
        FailedClips = a.FailedClips + b.FailedClips,
        // A fault injector's counts are the whole session's; a resumed run reports its last session's injector.
        InjectedFaults = b.InjectedFaults ?? a.InjectedFaults,
    };
}
