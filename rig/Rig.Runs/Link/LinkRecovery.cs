namespace Rig.Runs.Link;

/// <summary>
/// Frame-level recovery of one board session (run.json <c>link</c>): AUDIO frames and requests sent
/// again, windows replayed, clips that needed recovery (or whole-clip retries) and finished, clips
/// that failed even so. Mutable by the session's single reader/writer only.
/// </summary>
public sealed class LinkRecovery
{
    public long ResentFrames { get; internal set; }
    public long ReplayedWindows { get; internal set; }
    public long Replays { get; internal set; }
    public long Naks { get; internal set; }
    public long Timeouts { get; internal set; }
    public long RecoveredClips { get; internal set; }
    public long FailedClips { get; internal set; }

    internal RecoveryCounts Snapshot() => new(ResentFrames, ReplayedWindows, Replays, Naks, Timeouts);

    internal RecoveryCounts Since(RecoveryCounts before) =>
        new(ResentFrames - before.ResentFrames, ReplayedWindows - before.ReplayedWindows, Replays - before.Replays,
            Naks - before.Naks, Timeouts - before.Timeouts);
}

/// <summary>What frame recovery did for one clip (or since a snapshot).</summary>
public sealed record RecoveryCounts(long ResentFrames, long ReplayedWindows, long Replays, long Naks, long Timeouts)
{
    public static readonly RecoveryCounts None = new(0, 0, 0, 0, 0);

    public bool Any => ResentFrames + ReplayedWindows + Replays + Naks + Timeouts > 0;

    public override string ToString() =>
        $"{ResentFrames} frames re-sent, {Naks} NAKs, {Timeouts} frame timeouts, {Replays} replays ({ReplayedWindows} windows replayed)";
}
