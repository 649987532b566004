using CsCheck;
using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Reports.Gating;
using Rig.Reports.Tests.Support;

namespace Rig.Reports.Tests.Gating;

public sealed class GateChecksTests : IDisposable
{
    private static readonly GateSection Limits = new(AccuracyDropPoints: 2, CyclesIncreasePercent: 5, EnergyIncreasePercent: 5, RamIncreaseBytes: 0, FlashIncreaseBytes: 256, FeatureMismatches: 0);
    private readonly TempDir _tmp = new();
    private readonly RunResult _run;
    private readonly Baseline _baseline;

    public GateChecksTests()
    {
        _run = SampleRun.Write(_tmp.Sub("run"), 11, new SampleRunShape { MismatchClips = 0 });
        _baseline = Baseline.From(_run);
    }

    public void Dispose() => _tmp.Dispose();

    private static GateCheck Row(GateResult r, string name) => r.Checks.Single(c => c.Name == name);

    [Fact]
    public void A_run_against_its_own_baseline_passes_every_check()
    {
        var r = GateChecks.Check(_baseline, _run, Limits);
        Assert.Equal(GateResult.ExitPass, r.ExitCode);
        Assert.All(r.Checks, c => Assert.Equal(GateVerdict.Pass, c.Verdict));
        Assert.Equal(11, r.Checks.Count);
        Assert.Equal(0, Row(r, GateChecks.Accuracy).Delta);
    }

    [Theory]
    [InlineData(-2.0, GateVerdict.Pass)]
    [InlineData(-2.01, GateVerdict.Regression)]
    [InlineData(-10, GateVerdict.Regression)]
    [InlineData(+5, GateVerdict.Pass)]
    public void Accuracy_may_drop_by_the_limit_in_points_and_no_more(double deltaPoints, GateVerdict expected)
    {
        var b = _baseline with { AccuracyPercent = 80 };
        var run = _run with { Accuracy = (80 + deltaPoints) / 100 };
        var check = Row(GateChecks.Check(b, run, Limits), GateChecks.Accuracy);
        Assert.Equal(expected, check.Verdict);
        Assert.Equal(80, check.Baseline!.Value, 9);
        Assert.Equal(deltaPoints, check.Delta!.Value, 9);
    }

    [Theory]
    [InlineData(1000, 1050, GateVerdict.Pass)]
    [InlineData(1000, 1051, GateVerdict.Regression)]
    [InlineData(1000, 700, GateVerdict.Pass)]
    public void Cycles_may_grow_by_the_limit_in_percent(double baseline, double current, GateVerdict expected)
    {
        // MCU-counted on both sides, so the tight cycles_increase_percent applies (host-timed: HostTimedGateTests).
        var b = _baseline with { FrontendCyclesMedian = baseline, CycleUnit = CycleUnit.McuCycles, EnergyClock = MeasurementClock.Mcu };
        var run = _run with { Cycles = _run.Cycles! with { Unit = CycleUnit.McuCycles, FrontendPerColumn = new Distribution(current, current, current, 10) } };
        var r = GateChecks.Check(b, run, Limits);
        Assert.Equal(expected, Row(r, GateChecks.FrontendCycles).Verdict);
        Assert.Equal(expected == GateVerdict.Pass ? 0 : 1, r.ExitCode);
    }

    [Fact]
    public void Energy_over_the_limit_is_a_regression()
    {
        var run = _run with
        {
            Cycles = _run.Cycles! with { Unit = CycleUnit.McuCycles },
            Power = _run.Power! with { EnergyPerInferenceUj = _baseline.EnergyPerInferenceUj!.Value * 1.06 },
        };
        var r = GateChecks.Check(_baseline with { CycleUnit = CycleUnit.McuCycles, EnergyClock = MeasurementClock.Mcu }, run, Limits);
        Assert.Equal(GateVerdict.Regression, Row(r, GateChecks.Energy).Verdict);
        Assert.Equal(GateResult.ExitRegression, r.ExitCode);
    }

    [Theory]
    [InlineData(0, 0, GateVerdict.Pass)]
    [InlineData(1, 0, GateVerdict.Regression)]
    [InlineData(-40, 0, GateVerdict.Pass)]
    [InlineData(256, 256, GateVerdict.Pass)]
    [InlineData(257, 256, GateVerdict.Regression)]
    public void Ram_and_flash_may_grow_by_the_limit_in_bytes(int grow, int limit, GateVerdict expected)
    {
        var mem = _run.Memory!;
        var limits = Limits with { RamIncreaseBytes = limit, FlashIncreaseBytes = limit };
        var run = _run with { Memory = mem with { RamBytes = mem.RamBytes + grow, FlashBytes = mem.FlashBytes + grow } };
        var r = GateChecks.Check(_baseline, run, limits);
        Assert.Equal(expected, Row(r, GateChecks.Ram).Verdict);
        Assert.Equal(expected, Row(r, GateChecks.Flash).Verdict);
        Assert.Equal(grow, Row(r, GateChecks.Ram).Delta);
    }

    [Fact]
    public void Any_feature_mismatch_beyond_the_limit_fails_even_if_the_baseline_had_them()
    {
        var b = _baseline with { FeatureMismatches = 5 };
        var run = _run with { FeatureMismatches = 1 };
        Assert.Equal(GateVerdict.Regression, Row(GateChecks.Check(b, run, Limits), GateChecks.FeatureMismatches).Verdict);
        Assert.Equal(GateVerdict.Pass, Row(GateChecks.Check(b, run, Limits with { FeatureMismatches = 1 }), GateChecks.FeatureMismatches).Verdict);
    }

    [Fact]
    public void A_run_with_model_mismatches_fails_against_a_baseline_without_and_passes_within_the_limit()
    {
        var run = SampleRun.Write(_tmp.Sub("model-mismatch"), 11, new SampleRunShape { MismatchClips = 0, ModelMismatchClips = 2 });
        Assert.True(run.ModelMismatches > 0);
        Assert.Equal(0, _baseline.ModelMismatches);
        var r = GateChecks.Check(_baseline, run, Limits);
        var row = Row(r, GateChecks.ModelMismatches);
        Assert.Equal((GateVerdict.Regression, 0.0, (double)run.ModelMismatches), (row.Verdict, row.Baseline!.Value, row.Current!.Value));
        Assert.Equal(GateResult.ExitRegression, r.ExitCode);
        // Feature mismatches are counted apart: this run has none.
        Assert.Equal(GateVerdict.Pass, Row(r, GateChecks.FeatureMismatches).Verdict);
        Assert.Equal(GateVerdict.Pass, Row(GateChecks.Check(_baseline, run, Limits with { ModelMismatches = run.ModelMismatches }), GateChecks.ModelMismatches).Verdict);
    }

    [Fact]
    public void Another_config_hash_cannot_be_compared_even_when_numbers_regress()
    {
        var run = _run with { ConfigHash = "0x00000001", Accuracy = 0.1 };
        var r = GateChecks.Check(_baseline, run, Limits);
        Assert.Equal(GateVerdict.CannotCompare, Row(r, GateChecks.ConfigHash).Verdict);
        Assert.Equal(GateVerdict.Regression, Row(r, GateChecks.Accuracy).Verdict);
        Assert.Equal(GateResult.ExitCannotCompare, r.ExitCode);
    }

    [Fact]
    public void A_metric_in_the_baseline_but_missing_now_cannot_be_compared()
    {
        var run = _run with { Power = new PowerResult(false, "no INA219 on bus 1", 0, 0, 0, 0, 0, 0, 0, null) };
        var r = GateChecks.Check(_baseline, run, Limits);
        Assert.Equal(GateVerdict.CannotCompare, Row(r, GateChecks.Energy).Verdict);
        Assert.Equal(GateResult.ExitCannotCompare, r.ExitCode);
    }

    [Fact]
    public void A_metric_measured_in_neither_is_not_gated()
    {
        var b = _baseline with { EnergyPerInferenceUj = null };
        var run = _run with { Power = null };
        var r = GateChecks.Check(b, run, Limits);
        Assert.Equal(GateVerdict.NotMeasured, Row(r, GateChecks.Energy).Verdict);
        Assert.Equal(GateResult.ExitPass, r.ExitCode);
    }

    [Fact]
    public void Cycles_in_other_units_cannot_be_compared()
    {
        var run = _run with { Cycles = _run.Cycles! with { Unit = CycleUnit.McuCycles } };
        var r = GateChecks.Check(_baseline, run, Limits);
        Assert.Equal(GateVerdict.CannotCompare, Row(r, GateChecks.ModelCycles).Verdict);
        Assert.Contains("mcu-cycles", Row(r, GateChecks.ModelCycles).Reason);
        Assert.Equal(GateResult.ExitCannotCompare, r.ExitCode);
    }

    [Fact]
    public void An_unfinished_run_cannot_be_compared()
    {
        var r = GateChecks.Check(_baseline, _run with { Complete = false }, Limits);
        Assert.Equal(GateVerdict.CannotCompare, Row(r, GateChecks.Complete).Verdict);
        Assert.Equal(GateResult.ExitCannotCompare, r.ExitCode);
    }

    [Fact]
    public void A_run_at_least_as_good_as_a_passing_run_also_passes()
    {
        // Property: improving any metric of a passing run never turns the gate red.
        var gen = Gen.Select(Gen.Double[-3, 3], Gen.Double[-0.2, 0.2], Gen.Double[-0.2, 0.2], Gen.Int[-300, 300], Gen.Int[-300, 300], Gen.Double[0, 1]);
        gen.Sample((dAcc, dCycles, dEnergy, dRam, dFlash, improve) =>
        {
            var run = Shift(_run, dAcc, dCycles, dEnergy, dRam, dFlash);
            var r = GateChecks.Check(_baseline, run, Limits);
            if (r.ExitCode != GateResult.ExitPass) return true;
            var better = Shift(run, +improve, -improve / 10, -improve / 10, -(int)(improve * 100), -(int)(improve * 100));
            return GateChecks.Check(_baseline, better, Limits).ExitCode == GateResult.ExitPass;
        }, iter: 500);
    }

    private static RunResult Shift(RunResult run, double accPoints, double cyclesFraction, double energyFraction, int ram, int flash)
    {
        var c = run.Cycles!;
        Distribution Scale(Distribution d) => d with { Median = d.Median * (1 + cyclesFraction) };
        return run with
        {
            Accuracy = Math.Clamp(run.Accuracy + accPoints / 100, 0, 1),
            Cycles = c with { FrontendPerColumn = Scale(c.FrontendPerColumn), ModelPerInference = Scale(c.ModelPerInference) },
            Power = run.Power! with { EnergyPerInferenceUj = run.Power.EnergyPerInferenceUj * (1 + energyFraction) },
            Memory = run.Memory! with { RamBytes = run.Memory.RamBytes + ram, FlashBytes = run.Memory.FlashBytes + flash },
        };
    }
}
