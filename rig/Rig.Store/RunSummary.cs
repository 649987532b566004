namespace Rig.Store;

/// <summary>One row of the history: the headline figures of a finished (or abandoned) run.</summary>
public sealed record RunSummary(
    string RunId,
    string Profile,
    DateTimeOffset StartedAt,
    string Mode,
    string Board,
    string ConfigHash,
    bool Complete,
    double Accuracy,
    long FeatureMismatches,
    string? CycleUnit,
    double? FrontendCyclesMedian,
    double? ModelCyclesMedian,
    double? EnergyPerInferenceUj,
    int? RamBytes,
    int? FlashBytes,
    int Clips,
    string? RunDir);
