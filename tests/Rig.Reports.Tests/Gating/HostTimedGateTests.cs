using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Reports.Gating;
using Rig.Reports.Tests.Support;

namespace Rig.Reports.Tests.Gating;

/// <summary>
/// Virtual boards time cycles on the host ("host-cycles") and drive the power model with them, so cycles and
/// energy get the wider host_* limits; MCU counts keep the tight ones. The table names the limit it applied.
/// </summary>
public sealed class HostTimedGateTests : IDisposable
{
    private static readonly GateSection Limits = new(AccuracyDropPoints: 2, CyclesIncreasePercent: 5, EnergyIncreasePercent: 5, RamIncreaseBytes: 0, FlashIncreaseBytes: 256, FeatureMismatches: 0)
    {
        HostCyclesIncreasePercent = 40,
        HostEnergyIncreasePercent = 45,
    };

    private readonly TempDir _tmp = new();
    private readonly RunResult _run;

    public HostTimedGateTests() => _run = SampleRun.Write(_tmp.Sub("run"), 21, new SampleRunShape { MismatchClips = 0 });

    public void Dispose() => _tmp.Dispose();

    private static GateCheck Row(GateResult r, string name) => r.Checks.Single(c => c.Name == name);

    /// <summary>The run with cycles in <paramref name="unit"/> scaled by <paramref name="cycles"/> and energy by <paramref name="energy"/>.</summary>
    private RunResult Scaled(string unit, double cycles, double energy)
    {
        var c = _run.Cycles!;
        return _run with
        {
            Cycles = c with
            {
                Unit = Unit(unit),
                FrontendPerColumn = c.FrontendPerColumn with { Median = c.FrontendPerColumn.Median * cycles },
                ModelPerInference = c.ModelPerInference with { Median = c.ModelPerInference.Median * cycles },
            },
            Power = _run.Power! with { EnergyPerInferenceUj = _run.Power.EnergyPerInferenceUj * energy },
        };
    }

    /// <summary>A baseline whose cycles (and so its energy) were timed with <paramref name="unit"/>'s clock.</summary>
    private Baseline BaselineIn(string unit) => Baseline.From(_run) with { CycleUnit = Unit(unit), EnergyClock = MeasurementClocks.FromCycleUnit(Unit(unit)) };

    /// <summary>The unit as run.json writes it ("host-cycles", "mcu-cycles").</summary>
    private static CycleUnit Unit(string name) => JsonNames.Parse<CycleUnit>(name)!.Value;

    [Theory]
    [InlineData(1.00, GateVerdict.Pass)]
    [InlineData(1.39, GateVerdict.Pass)]
    [InlineData(1.41, GateVerdict.Regression)]
    [InlineData(2.00, GateVerdict.Regression)]
    public void Host_timed_cycles_get_the_host_limit(double factor, GateVerdict expected)
    {
        var r = GateChecks.Check(BaselineIn("host-cycles"), Scaled("host-cycles", factor, 1), Limits);
        foreach (var name in new[] { GateChecks.FrontendCycles, GateChecks.ModelCycles })
        {
            var row = Row(r, name);
            Assert.Equal(expected, row.Verdict);
            Assert.Equal("+40 % (host_cycles_increase_percent)", row.Limit);
            Assert.Contains("host-timed", row.Reason);
            Assert.StartsWith("[host time]", row.Reason);
        }
        Assert.Equal(expected == GateVerdict.Pass ? GateResult.ExitPass : GateResult.ExitRegression, r.ExitCode);
    }

    [Theory]
    [InlineData(1.04, GateVerdict.Pass)]
    [InlineData(1.06, GateVerdict.Regression)]
    public void Mcu_cycles_keep_the_tight_limit(double factor, GateVerdict expected)
    {
        var r = GateChecks.Check(BaselineIn("mcu-cycles"), Scaled("mcu-cycles", factor, 1), Limits);
        var row = Row(r, GateChecks.ModelCycles);
        Assert.Equal(expected, row.Verdict);
        Assert.Equal("+5 % (cycles_increase_percent)", row.Limit);
        Assert.DoesNotContain("host-timed", row.Reason);
        Assert.StartsWith("[MCU clock]", row.Reason);
        Assert.Equal(expected, Row(r, GateChecks.FrontendCycles).Verdict);
    }

    [Theory]
    [InlineData("host-cycles", 1.44, GateVerdict.Pass, "+45 % (host_energy_increase_percent)")]
    [InlineData("host-cycles", 1.46, GateVerdict.Regression, "+45 % (host_energy_increase_percent)")]
    [InlineData("mcu-cycles", 1.04, GateVerdict.Pass, "+5 % (energy_increase_percent)")]
    [InlineData("mcu-cycles", 1.06, GateVerdict.Regression, "+5 % (energy_increase_percent)")]
    public void Energy_follows_the_timing_of_the_cycles_that_drive_it(string unit, double factor, GateVerdict expected, string limit)
    {
        var row = Row(GateChecks.Check(BaselineIn(unit), Scaled(unit, 1, factor), Limits), GateChecks.Energy);
        Assert.Equal(expected, row.Verdict);
        Assert.Equal(limit, row.Limit);
    }

    [Fact]
    public void Host_cycles_against_an_mcu_baseline_still_cannot_be_compared()
    {
        var r = GateChecks.Check(BaselineIn("mcu-cycles"), Scaled("host-cycles", 1, 1), Limits);
        Assert.Equal(GateVerdict.CannotCompare, Row(r, GateChecks.FrontendCycles).Verdict);
        Assert.Equal(GateResult.ExitCannotCompare, r.ExitCode);
    }

    [Fact]
    public void A_virtual_run_without_memory_figures_gates_ram_and_flash_as_not_measured()
    {
        // A virtual board has no ELF image: no memory section, and its stats say static RAM 0.
        var run = _run with { Memory = null, Stats = _run.Stats is null ? null : _run.Stats with { StaticRamBytes = 0 } };
        var baseline = Baseline.From(run);
        Assert.Null(baseline.RamBytes);
        var r = GateChecks.Check(baseline, run, Limits);
        foreach (var name in new[] { GateChecks.Ram, GateChecks.Flash })
        {
            Assert.Equal(GateVerdict.NotMeasured, Row(r, name).Verdict);
            Assert.Contains("not measured", Row(r, name).Reason);
        }
        Assert.Equal(GateResult.ExitPass, r.ExitCode);
    }

    [Fact]
    public void Zero_bytes_of_ram_means_not_measured_never_a_shrink_or_a_size()
    {
        var zero = _run with { Memory = _run.Memory! with { RamBytes = 0, FlashBytes = 0 } };
        Assert.Null(Baseline.From(zero).RamBytes);
        Assert.Null(Baseline.From(zero).FlashBytes);
        // Baseline measured RAM, this run reports 0: missing from this run, not "RAM fell 3 kB".
        var r = GateChecks.Check(Baseline.From(_run), zero, Limits);
        Assert.Equal(GateVerdict.CannotCompare, Row(r, GateChecks.Ram).Verdict);
        Assert.Equal(GateResult.ExitCannotCompare, r.ExitCode);
    }

    [Fact]
    public void Energy_timed_with_another_clock_than_the_baselines_cannot_be_compared()
    {
        var row = Row(GateChecks.Check(BaselineIn("mcu-cycles"), Scaled("host-cycles", 1, 1), Limits), GateChecks.Energy);
        Assert.Equal(GateVerdict.CannotCompare, row.Verdict);
        Assert.Contains("MCU clock", row.Reason);
        Assert.Contains("host time", row.Reason);
        Assert.Contains("host time", row.Unit);
    }
}
