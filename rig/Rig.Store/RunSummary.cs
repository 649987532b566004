using Rig.Core.Runs;

namespace Rig.Store;

/// <summary>One row of the history: the headline figures of a finished (or abandoned) run.</summary>
public sealed record RunSummary(
    string RunId,
    string Profile,
    DateTimeOffset StartedAt,
    Rig.Core.Runs.RunMode Mode,
    string Board,
    string ConfigHash,
    bool Complete,
    int Clips,
    string? RunDir,
    /// <summary>The same figures the gate compares (<see cref="RunMetrics.From"/> when the run was stored), with their clocks.</summary>
    RunMetrics Metrics)
{
    /// <summary>The rig host that ran it (null: stored before hosts were recorded).</summary>
    public string? Host { get; init; }

    /// <summary>The board's own unique ID from its HELLO (null: the board reports none).</summary>
    public string? BoardUid { get; init; }
}
