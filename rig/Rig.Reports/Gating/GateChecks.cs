using System.Globalization;
using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Reports.Data;

namespace Rig.Reports.Gating;

/// <summary>
/// The regression gate: a run against its profile's baseline under the profile's gate: thresholds.
/// Accuracy may drop by at most N points, cycles and energy grow by at most N percent, RAM and flash
/// by at most N bytes, and feature and model mismatches may not exceed N each (absolute: bit-exactness is not relative).
/// Host-timed cycles and energy (virtual boards) get the wider host_* limits, see <see cref="PercentLimit"/>.
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
    public const string ModelMismatches = "model mismatches";

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
        var unitClash = unitsAgree ? null : $"baseline counts {JsonNames.Of(b.CycleUnit!.Value)}, this run {JsonNames.Of(current.CycleUnit!.Value)}";
        var cycleClock = current.CycleClock ?? b.CycleClock;
        var cycleUnit = ((b.CycleUnit ?? current.CycleUnit) is { } unit ? JsonNames.Of(unit) : "cycles") + (cycleClock is { } cc ? $" ({cc.Label()})" : "");
        var hostTimed = PercentLimit.IsHostTimed(b.CycleUnit, current.CycleUnit);
        var cycleLimit = PercentLimit.Cycles(limits, hostTimed, PercentLimit.IsEmulated(b.CycleClock, current.CycleClock));
        checks.Add(Timed(cycleClock, Percent(FrontendCycles, cycleUnit, b.FrontendCyclesMedian, current.FrontendCyclesMedian, cycleLimit, unitClash)));
        checks.Add(Timed(cycleClock, Percent(ModelCycles, cycleUnit, b.ModelCyclesMedian, current.ModelCyclesMedian, cycleLimit, unitClash)));
        var energyClock = current.EnergyClock ?? b.EnergyClock;
        var energyClash = b.EnergyClock is { } be && current.EnergyClock is { } ce && be != ce
            ? $"baseline energy was timed with {be.Label()}, this run's with {ce.Label()}"
            : null;
        var energyHostTimed = hostTimed || b.EnergyClock == MeasurementClock.Host || current.EnergyClock == MeasurementClock.Host;
        checks.Add(Timed(energyClock, Percent(Energy, energyClock is { } ec ? $"uJ ({ec.Label()})" : "uJ", b.EnergyPerInferenceUj, current.EnergyPerInferenceUj,
            PercentLimit.Energy(limits, energyHostTimed, PercentLimit.IsEmulated(b.EnergyClock, current.EnergyClock)), energyClash)));
        checks.Add(Bytes(Ram, b.RamBytes, current.RamBytes, limits.RamIncreaseBytes));
        checks.Add(Bytes(Flash, b.FlashBytes, current.FlashBytes, limits.FlashIncreaseBytes));
        checks.Add(Mismatches(FeatureMismatches, "Q15 values", "board and golden model disagree", b.FeatureMismatches, current.FeatureMismatches, limits.FeatureMismatches));
        checks.Add(Mismatches(ModelMismatches, "int8 values", "board and golden twin disagree on the model's outputs", b.ModelMismatches, current.ModelMismatches, limits.ModelMismatches));
        return new GateResult(checks);
    }

    /// <summary>Every cycle and energy row says whose clock its figures came from, wherever the gate is shown.</summary>
    private static GateCheck Timed(MeasurementClock? clock, GateCheck check) =>
        clock is { } c && check.Verdict != GateVerdict.NotMeasured
            ? check with { Reason = $"[{c.Label()}] {check.Reason}".TrimEnd() }
            : check;

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

    private static GateCheck Percent(string name, string unit, double? baseline, double? current, PercentLimit max, string? incomparable)
    {
        var limit = max.Text;
        if (incomparable is not null) return new GateCheck(name, unit, baseline, current, null, limit, GateVerdict.CannotCompare, incomparable);
        if (Missing(name, unit, baseline, current, limit) is { } missing) return missing;
        var delta = current!.Value - baseline!.Value;
        var why = max.Why is null ? "" : "; " + max.Why;
        if (baseline.Value <= 0)
            return delta > 0
                ? new GateCheck(name, unit, baseline, current, delta, limit, GateVerdict.Regression, "grew from zero" + why)
                : new GateCheck(name, unit, baseline, current, delta, limit, GateVerdict.Pass, why.TrimStart(';', ' '));
        var percent = 100 * delta / baseline.Value;
        return percent > max.Percent + 1e-9
            ? new GateCheck(name, unit, baseline, current, delta, limit, GateVerdict.Regression, $"+{F(percent)} %{why}")
            : new GateCheck(name, unit, baseline, current, delta, limit, GateVerdict.Pass, $"{(percent >= 0 ? "+" : "")}{F(percent)} %{why}");
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

    private static GateCheck Mismatches(string name, string unit, string why, long baseline, long current, long max)
    {
        var limit = $"<= {max.ToString(CultureInfo.InvariantCulture)}";
        var regressed = current > max;
        return new GateCheck(name, unit, baseline, current, current - baseline, limit,
            regressed ? GateVerdict.Regression : GateVerdict.Pass, regressed ? why : "");
    }

    /// <summary>
    /// Measured in the baseline but not now: cannot vouch for it (exit 2). Measured in neither (RAM and flash on a
    /// virtual board, energy without --energy): nothing to compare, so the row says so and does not block.
    /// </summary>
    private static GateCheck? Missing(string name, string unit, double? baseline, double? current, string limit) =>
        (baseline, current) switch
        {
            (null, null) => new GateCheck(name, unit, null, null, null, limit, GateVerdict.NotMeasured, "not measured in the baseline nor in this run: skipped"),
            (not null, null) => new GateCheck(name, unit, baseline, null, null, limit, GateVerdict.CannotCompare, "missing from this run"),
            (null, not null) => new GateCheck(name, unit, null, current, null, limit, GateVerdict.Pass, "new metric: not in the baseline"),
            _ => null,
        };

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
