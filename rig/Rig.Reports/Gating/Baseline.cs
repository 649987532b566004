using System.Text.Json.Serialization;
using Rig.Core.Runs;
using Rig.Reports.Data;

namespace Rig.Reports.Gating;

/// <summary>
/// reports/baselines/&lt;profile&gt;.json: the accepted figures of one run that later runs of the
/// profile are gated against. Nulls are metrics that run did not measure.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record Baseline
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string Profile { get; init; }
    public required string ConfigHash { get; init; }
    public required string RunId { get; init; }
    public required RunMode Mode { get; init; }
    public required string Board { get; init; }
    public required string Playlist { get; init; }
    public DateTimeOffset RunStartedAt { get; init; }
    public int Clips { get; init; }
    public required double AccuracyPercent { get; init; }
    public long FeatureMismatches { get; init; }
    /// <summary>Model output values differing from the golden twin; absent in baselines from before the field, which read as 0 (they were made from runs that passed the run's own exit 1 on a mismatch).</summary>
    public long ModelMismatches { get; init; }
    public CycleUnit? CycleUnit { get; init; }
    public double? FrontendCyclesMedian { get; init; }
    public double? ModelCyclesMedian { get; init; }
    public double? EnergyPerInferenceUj { get; init; }
    /// <summary>Whose clock timed the energy (mcu, emulated-mcu, host); null in baselines from before the field: then the cycles' clock.</summary>
    public MeasurementClock? EnergyClock { get; init; }
    public int? RamBytes { get; init; }
    public int? FlashBytes { get; init; }

    /// <summary>Derived from the fields above; not written, so the committed file holds each figure once.</summary>
    [JsonIgnore]
    public RunMetrics Metrics => new(AccuracyPercent, FeatureMismatches, CycleUnit, FrontendCyclesMedian, ModelCyclesMedian, EnergyPerInferenceUj, RamBytes, FlashBytes)
    {
        ModelMismatches = ModelMismatches,
        CycleClock = CycleUnit is { } unit ? MeasurementClocks.FromCycleUnit(unit) : null,
        EnergyClock = EnergyPerInferenceUj is null ? null : EnergyClock ?? (CycleUnit is { } u ? MeasurementClocks.FromCycleUnit(u) : MeasurementClock.Host),
    };

    public static Baseline From(RunResult run)
    {
        var m = RunMetrics.From(run);
        return new Baseline
        {
            Profile = run.Profile,
            ConfigHash = run.ConfigHash,
            RunId = run.RunId,
            Mode = run.Mode,
            Board = run.Board,
            Playlist = run.Playlist,
            RunStartedAt = run.StartedAt,
            Clips = run.Clips.Count,
            AccuracyPercent = m.AccuracyPercent,
            FeatureMismatches = m.FeatureMismatches,
            ModelMismatches = m.ModelMismatches,
            CycleUnit = m.CycleUnit,
            FrontendCyclesMedian = m.FrontendCyclesMedian,
            ModelCyclesMedian = m.ModelCyclesMedian,
            EnergyPerInferenceUj = m.EnergyPerInferenceUj,
            EnergyClock = m.EnergyClock,
            RamBytes = m.RamBytes,
            FlashBytes = m.FlashBytes,
        };
    }
}
