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
    double Accuracy,
    long FeatureMismatches,
    Rig.Core.Runs.CycleUnit? CycleUnit,
    double? FrontendCyclesMedian,
    double? ModelCyclesMedian,
    double? EnergyPerInferenceUj,
    int? RamBytes,
    int? FlashBytes,
    int Clips,
    string? RunDir)
{
    /// <summary>Whose clock counted the cycles (from run.json; older runs: from the cycle unit).</summary>
    public Rig.Core.Runs.MeasurementClock? CycleClock { get; init; }

    /// <summary>Whose clock timed the energy figure; null when energy was not measured.</summary>
    public Rig.Core.Runs.MeasurementClock? EnergyClock { get; init; }
}
