using Rig.Core.Runs;

namespace Rig.Reports.Data;

/// <summary>The headline numbers the gate and the baseline compare; null where the run did not measure them.</summary>
public sealed record RunMetrics(
    double AccuracyPercent,
    long FeatureMismatches,
    string? CycleUnit,
    double? FrontendCyclesMedian,
    double? ModelCyclesMedian,
    double? EnergyPerInferenceUj,
    int? RamBytes,
    int? FlashBytes)
{
    public static RunMetrics From(RunResult run) => new(
        run.Accuracy * 100,
        run.FeatureMismatches,
        run.Cycles?.Unit,
        run.Cycles is { FrontendPerColumn.Count: > 0 } c ? c.FrontendPerColumn.Median : null,
        run.Cycles is { ModelPerInference.Count: > 0 } m ? m.ModelPerInference.Median : null,
        run.Power is { Measured: true } p ? p.EnergyPerInferenceUj : null,
        run.Memory?.RamBytes,
        run.Memory?.FlashBytes);
}
