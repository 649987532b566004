namespace Rig.Store;

/// <summary>What is known about a run before its first clip: enough to resume it later.</summary>
public sealed record RunHeader(
    string RunId,
    string Profile,
    Rig.Core.Runs.RunMode Mode,
    string Board,
    string Playlist,
    string ConfigHash,
    DateTimeOffset StartedAt,
    int PlannedClips);
