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
    RunMetrics Metrics);
