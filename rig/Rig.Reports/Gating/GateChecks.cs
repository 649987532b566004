using System.Globalization;
using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Reports.Data;

namespace Rig.Reports.Gating;

/// <summary>
/// The regression gate: a run against its profile's baseline under the profile's gate: thresholds.
/// Accuracy may drop by at most N points, cycles and energy grow by at most N percent, RAM and flash
/// by at most N bytes, and feature mismatches may not exceed N (absolute: bit-exactness is not relative).
/// Host-timed cycles (virtual boards) and the energy derived from them are held to the profile's wider
/// host_timing_increase_percent instead, and the table says so.
/// </summary>
public static class GateChecks
{
    public const string Profile = "profile";
    public const string ConfigHash = "config hash";
    public const string Complete = "run complete";
    public const string Accuracy = "accuracy";
    public const string FrontendCycles = "frontend cycles per column";
    public const string ModelCycles = "model cycles per inference";
    public const string Energy = "energy per inference";
    public const string Ram = "RAM";
    public const string Flash = "flash";
    public const string FeatureMismatches = "feature mismatches";
    public const string HostCycleUnit = "host-cycles";

    public static GateResult Check(Baseline baseline, RunResult run, GateSection limits)
    {
        var current = RunMetrics.From(run);
        var b = baseline.Metrics;
        var checks = new List<GateCheck>
        {
            Same(Profile, baseline.Profile, run.Profile),
            Same(ConfigHash, baseline.ConfigHash, run.ConfigHash),
            run.Complete
                ? new GateCheck(Complete, "", null, null, null, "complete", GateVerdict.Pass, "all clips played")
                : new GateCheck(Complete, "", null, null, null, "complete", GateVerdict.CannotCompare, "the run did not finish; its figures cover only part of the playlist"),
            AccuracyCheck(b.AccuracyPercent, current.AccuracyPercent, limits.AccuracyDropPoints),
        };
        var unitsAgree = b.CycleUnit == current.CycleUnit || b.CycleUnit is null || current.CycleUnit is null;
        var unit = b.CycleUnit ?? current.CycleUnit ?? "cycles";
        var incomparable = unitsAgree ? null : $"baseline counts {b.CycleUnit}, this run {current.CycleUnit}";
        // Virtual boards: cycles are host CPU time, and the virtual power model follows them.
        var hostTimed = unit == HostCycleUnit;
        var cyclesLimit = hostTimed ? new Limit(limits.HostTimingIncreasePercent, " (host-timed)") : new Limit(limits.CyclesIncreasePercent, "");
        var energyLimit = hostTimed ? new Limit(limits.HostTimingIncreasePercent, " (host-timed)") : new Limit(limits.EnergyIncreasePercent, "");
        checks.Add(Percent(FrontendCycles, unit, b.FrontendCyclesMedian, current.FrontendCyclesMedian, cyclesLimit, incomparable));
        checks.Add(Percent(ModelCycles, unit, b.ModelCyclesMedian, current.ModelCyclesMedian, cyclesLimit, incomparable));
        checks.Add(Percent(Energy, "uJ", b.EnergyPerInferenceUj, current.EnergyPerInferenceUj, energyLimit, null));
        checks.Add(Bytes(Ram, b.RamBytes, current.RamBytes, limits.RamIncreaseBytes));
        checks.Add(Bytes(Flash, b.FlashBytes, current.FlashBytes, limits.FlashIncreaseBytes));
        checks.Add(Mismatches(b.FeatureMismatches, current.FeatureMismatches, limits.FeatureMismatches));
        return new GateResult(checks);
    }

    private static GateCheck Same(string name, string baseline, string current) =>
        baseline == current
            ? new GateCheck(name, "", null, null, null, "equal", GateVerdict.Pass, baseline)
            : new GateCheck(name, "", null, null, null, "equal", GateVerdict.CannotCompare, $"baseline {baseline}, this run {current}");

    private static GateCheck AccuracyCheck(double baseline, double current, double maxDropPoints)
    {
        var delta = current - baseline;
        var limit = $"drop <= {F(maxDropPoints)} pt";
        // A tiny epsilon so a drop of exactly the limit, computed in floating point, still passes.
        return -delta > maxDropPoints + 1e-9
            ? new GateCheck(Accuracy, "%", baseline, current, delta, limit, GateVerdict.Regression, $"accuracy fell {F(-delta)} points")
            : new GateCheck(Accuracy, "%", baseline, current, delta, limit, GateVerdict.Pass, "");
    }

    /// <summary>An increase limit in percent and what the table adds to say which one applied.</summary>
    private readonly record struct Limit(double Percent, string Note);

    private static GateCheck Percent(string name, string unit, double? baseline, double? current, Limit allowed, string? incomparable)
    {
        var maxIncreasePercent = allowed.Percent;
        var limit = $"+{F(maxIncreasePercent)} %{allowed.Note}";
        if (incomparable is not null) return new GateCheck(name, unit, baseline, current, null, limit, GateVerdict.CannotCompare, incomparable);
        if (Missing(name, unit, baseline, current, limit) is { } missing) return missing;
        var delta = current!.Value - baseline!.Value;
        if (baseline.Value <= 0)
            return delta > 0
                ? new GateCheck(name, unit, baseline, current, delta, limit, GateVerdict.Regression, "grew from zero")
                : new GateCheck(name, unit, baseline, current, delta, limit, GateVerdict.Pass, "");
        var percent = 100 * delta / baseline.Value;
        return percent > maxIncreasePercent + 1e-9
            ? new GateCheck(name, unit, baseline, current, delta, limit, GateVerdict.Regression, $"+{F(percent)} %")
            : new GateCheck(name, unit, baseline, current, delta, limit, GateVerdict.Pass, $"{(percent >= 0 ? "+" : "")}{F(percent)} %");
    }

    private static GateCheck Bytes(string name, int? baseline, int? current, int maxIncreaseBytes)
    {
        var limit = $"+{maxIncreaseBytes.ToString(CultureInfo.InvariantCulture)} B";
        if (Missing(name, "B", baseline, current, limit) is { } missing) return missing;
        var delta = current!.Value - baseline!.Value;
        return delta > maxIncreaseBytes
            ? new GateCheck(name, "B", baseline, current, delta, limit, GateVerdict.Regression, $"grew {delta} B")
            : new GateCheck(name, "B", baseline, current, delta, limit, GateVerdict.Pass, "");
    }

    private static GateCheck Mismatches(long baseline, long current, long max)
    {
        var limit = $"<= {max.ToString(CultureInfo.InvariantCulture)}";
        return current > max
            ? new GateCheck(FeatureMismatches, "values", baseline, current, current - baseline, limit, GateVerdict.Regression, "board and golden model disagree")
            : new GateCheck(FeatureMismatches, "values", baseline, current, current - baseline, limit, GateVerdict.Pass, "");
    }

    /// <summary>Measured in the baseline but not now: cannot vouch for it. Measured in neither: nothing to gate.</summary>
    private static GateCheck? Missing(string name, string unit, double? baseline, double? current, string limit) =>
        (baseline, current) switch
        {
            (null, null) => new GateCheck(name, unit, null, null, null, limit, GateVerdict.NotMeasured, "measured in neither run"),
            (not null, null) => new GateCheck(name, unit, baseline, null, null, limit, GateVerdict.CannotCompare, "missing from this run"),
            (null, not null) => new GateCheck(name, unit, null, current, null, limit, GateVerdict.Pass, "new metric: not in the baseline"),
            _ => null,
        };

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
