using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Reports.Gating;
using Rig.Reports.Tests.Support;

namespace Rig.Reports.Tests.Gating;

/// <summary>
/// Cycles counted on the rig's emulator (`--board emulated`, cycles.unit emulated-mcu) repeat to the cycle, so the
/// gate holds them, and the energy computed from them, to the tight emulated_* limits; the table names the limit.
/// </summary>
public sealed class EmulatedGateTests : IDisposable
{
    private static readonly GateSection Limits = new(AccuracyDropPoints: 2, CyclesIncreasePercent: 5, EnergyIncreasePercent: 5, RamIncreaseBytes: 0, FlashIncreaseBytes: 256, FeatureMismatches: 0)
    {
        EmulatedCyclesIncreasePercent = 1,
        EmulatedEnergyIncreasePercent = 0.5,
    };

    private readonly TempDir _tmp = new();
    private readonly RunResult _run;

    public EmulatedGateTests() => _run = SampleRun.Write(_tmp.Sub("run"), 21, new SampleRunShape { MismatchClips = 0 });

    public void Dispose() => _tmp.Dispose();

    private RunResult Emulated(double cycles, double energy)
    {
        var c = _run.Cycles!;
        return _run with
        {
            Cycles = c with
            {
                Unit = CycleUnit.EmulatedMcu,
                Clock = MeasurementClock.EmulatedMcu,
                FrontendPerColumn = c.FrontendPerColumn with { Median = c.FrontendPerColumn.Median * cycles },
                ModelPerInference = c.ModelPerInference with { Median = c.ModelPerInference.Median * cycles },
            },
            Power = _run.Power! with { EnergyPerInferenceUj = _run.Power.EnergyPerInferenceUj * energy, Clock = MeasurementClock.EmulatedMcu },
        };
    }

    private Baseline EmulatedBaseline() => Baseline.From(Emulated(1, 1));

    [Theory]
    [InlineData(1.000, GateVerdict.Pass)]
    [InlineData(1.009, GateVerdict.Pass)]
    [InlineData(1.011, GateVerdict.Regression)]
    [InlineData(1.040, GateVerdict.Regression)] // within the 5 % MCU limit, but an emulated run does not wander
    public void Emulated_cycles_get_the_tight_emulated_limit(double factor, GateVerdict expected)
    {
        var r = GateChecks.Check(EmulatedBaseline(), Emulated(factor, 1), Limits);
        foreach (var name in new[] { GateChecks.FrontendCycles, GateChecks.ModelCycles })
        {
            var row = r.Checks.Single(c => c.Name == name);
            Assert.Equal(expected, row.Verdict);
            Assert.Equal("+1 % (emulated_cycles_increase_percent)", row.Limit);
            Assert.StartsWith("[emulated MCU]", row.Reason);
        }
    }

    [Theory]
    [InlineData(1.004, GateVerdict.Pass)]
    [InlineData(1.006, GateVerdict.Regression)]
    public void Emulated_energy_gets_the_tight_emulated_energy_limit(double factor, GateVerdict expected)
    {
        var row = GateChecks.Check(EmulatedBaseline(), Emulated(1, factor), Limits).Checks.Single(c => c.Name == GateChecks.Energy);
        Assert.Equal(expected, row.Verdict);
        Assert.Equal("+0.5 % (emulated_energy_increase_percent)", row.Limit);
    }

    [Fact]
    public void Emulated_cycles_are_not_compared_with_a_real_chip_s()
    {
        var real = Baseline.From(_run) with { CycleUnit = CycleUnit.McuCycles };
        var row = GateChecks.Check(real, Emulated(1, 1), Limits).Checks.Single(c => c.Name == GateChecks.FrontendCycles);
        Assert.Equal(GateVerdict.CannotCompare, row.Verdict);
        Assert.Contains("emulated-mcu", row.Reason);
    }
}
