namespace Rig.Core.Runs;

/// <summary>
/// The headline numbers of a run, computed once from run.json: what the history stores and shows, and what the gate and
/// the baseline compare. Null where the run did not measure a figure, never 0.
/// </summary>
public sealed record RunMetrics(
    double AccuracyPercent,
    long FeatureMismatches,
    CycleUnit? CycleUnit,
    double? FrontendCyclesMedian,
    double? ModelCyclesMedian,
    double? EnergyPerInferenceUj,
    int? RamBytes,
    int? FlashBytes)
{
    /// <summary>Model output values (int8, per window) where the board and the golden twin disagree; 0 for a run without a model diff.</summary>
    public long ModelMismatches { get; init; }

    /// <summary>Whose clock counted the cycles (null: no cycles).</summary>
    public MeasurementClock? CycleClock { get; init; }

    /// <summary>Whose clock timed the energy figure (null: not measured).</summary>
    public MeasurementClock? EnergyClock { get; init; }

    /// <summary>The clock of a run's energy: its own, else (runs from before the field) the clock of its cycles.</summary>
    public static MeasurementClock? EnergyClockOf(RunResult run) =>
        run.Power is { Measured: true } p ? p.Clock ?? run.Cycles?.ClockOrUnit ?? MeasurementClock.Host : null;

    public static RunMetrics From(RunResult run) => new(
        run.Accuracy * 100,
        run.FeatureMismatches,
        run.Cycles?.Unit,
        run.Cycles is { FrontendPerColumn.Count: > 0 } c ? c.FrontendPerColumn.Median : null,
        run.Cycles is { ModelPerInference.Count: > 0 } m ? m.ModelPerInference.Median : null,
        run.Power is { Measured: true } p ? p.EnergyPerInferenceUj : null,
        Bytes(run.Memory?.RamBytes),
        Bytes(run.Memory?.FlashBytes))
    {
        ModelMismatches = run.ModelMismatches,
        CycleClock = run.Cycles?.ClockOrUnit,
        EnergyClock = EnergyClockOf(run),
    };

    /// <summary>
    /// No firmware image has 0 bytes of RAM or flash: 0 means nobody measured it (a virtual board has no ELF
    /// sections and reports static RAM 0), so it is "not measured", never a size to gate against.
    /// </summary>
    private static int? Bytes(int? bytes) => bytes is > 0 ? bytes : null;
}
