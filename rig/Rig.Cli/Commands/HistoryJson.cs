using System.Text.Json;
using System.Text.Json.Serialization;
using Rig.Core.Runs;
using Rig.Reports.History;
using Rig.Store;

namespace Rig.Cli.Commands;

/// <summary>`rig history --json`: one object per run (accuracy as in run.json, a fraction 0..1; null where not measured), plus the gate verdict with --all-hosts.</summary>
internal sealed record HistoryJson(
    string RunId, string Profile, string? Host, string Board, string? BoardUid, DateTimeOffset StartedAt, string Mode, bool Complete,
    int Clips, double Accuracy, long FeatureMismatches, long ModelMismatches, string ConfigHash, string? CycleUnit, string? CycleClock, double? FrontendCyclesMedian,
    double? ModelCyclesMedian, double? EnergyPerInferenceUj, string? EnergyClock, int? RamBytes, int? FlashBytes)
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault };

    /// <summary>The gate verdict against the profile's baseline (--all-hosts only).</summary>
    public string? Gate { get; init; }
    public string? Why { get; init; }

    public static HistoryJson Of(RunSummary r)
    {
        var m = r.Metrics;
        return new HistoryJson(r.RunId, r.Profile, r.Host, r.Board, r.BoardUid, r.StartedAt, JsonNames.Of(r.Mode), r.Complete, r.Clips, m.AccuracyPercent / 100,
            m.FeatureMismatches, m.ModelMismatches, r.ConfigHash, m.CycleUnit is { } u ? JsonNames.Of(u) : null, m.CycleClock?.Name(), m.FrontendCyclesMedian, m.ModelCyclesMedian,
            m.EnergyPerInferenceUj, m.EnergyClock?.Name(), m.RamBytes, m.FlashBytes);
    }

    public static HistoryJson Of(FarmBoard f) => Of(f.Run) with { Gate = f.Verdict, Why = f.Why };

    public static string Write(IEnumerable<HistoryJson> rows) => JsonSerializer.Serialize(rows.ToList(), s_options);
}
