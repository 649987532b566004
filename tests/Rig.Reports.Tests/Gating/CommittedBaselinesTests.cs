using Rig.Core;
using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Reports.Gating;
using Rig.Reports.Tests.Support;

namespace Rig.Reports.Tests.Gating;

/// <summary>
/// The baselines committed in reports/baselines under the shipped profiles' gate: limits. An unchanged virtual run
/// drifts by up to about +52 % in host-timed cycles and energy (measured, see reports/baselines/README.md): that must
/// pass, a tripled workload and a 5-point accuracy drop must not. A baseline made on an emulated board counts the
/// image's own cycles, which repeat exactly: the same figures pass, 2 % more cycles or energy do not.
/// </summary>
public sealed class CommittedBaselinesTests : IDisposable
{
    private static readonly string[] BaselineBoards = ["virtual", "emulated"];
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static Baseline Committed(string profile) => BaselineFile.Read(BaselineFile.DefaultPath(profile, RepoPaths.Root));

    /// <summary>A run with the baseline's own figures, host-timed cycles and energy scaled by <paramref name="timing"/>.</summary>
    private RunResult RunLike(Baseline b, double timing, double accuracyDropPoints = 0)
    {
        var run = SampleRun.Write(_tmp.Sub(b.Profile), 5, new SampleRunShape { MismatchClips = 0, Memory = false, Profile = b.Profile, ConfigHash = b.ConfigHash });
        var fe = b.FrontendCyclesMedian!.Value * timing;
        var model = b.ModelCyclesMedian!.Value * timing;
        return run with
        {
            Accuracy = (b.AccuracyPercent - accuracyDropPoints) / 100,
            Cycles = run.Cycles! with { Unit = b.CycleUnit!.Value, FrontendPerColumn = new Distribution(fe, fe, fe, 100), ModelPerInference = new Distribution(model, model, model, 10), Clock = b.Metrics.CycleClock },
            Power = run.Power! with { EnergyPerInferenceUj = b.EnergyPerInferenceUj!.Value * timing, Clock = b.Metrics.EnergyClock },
            // The same firmware image: RAM and flash are the baseline's (they come from the ARM ELF, not the host).
            Memory = new MemoryResult(b.FlashBytes!.Value, b.RamBytes!.Value, 0, 0, new Dictionary<string, int>()),
        };
    }

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Each_profile_has_a_virtual_or_emulated_board_baseline_with_energy_and_the_images_memory(string profile)
    {
        var b = Committed(profile);
        Assert.Equal(profile, b.Profile);
        Assert.Contains(b.Board, BaselineBoards);
        Assert.Equal(RunMode.Inject, b.Mode);
        // The cycles are the board's own kind: host time on the native virtual board, the image's cycles on the emulator.
        Assert.Equal(b.Board == "emulated" ? CycleUnit.EmulatedMcu : CycleUnit.HostCycles, b.CycleUnit);
        Assert.NotNull(b.EnergyPerInferenceUj);
        // rig run records the profile's ARM image (firmware/build/<profile>/firmware.elf) for the gate.
        var budget = ProfileCatalog.Load(profile).Memory;
        Assert.InRange(b.RamBytes!.Value, 1, budget.RamBudgetBytes);
        Assert.InRange(b.FlashBytes!.Value, 1, budget.FlashBudgetBytes);
        Assert.Equal(0, b.FeatureMismatches);
        Assert.Equal(0, b.ModelMismatches);
        Assert.False(Path.IsPathRooted(b.Playlist), $"{profile}: playlist '{b.Playlist}' should be repo-relative");
    }

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Measured_drift_passes_a_tripled_workload_and_a_5_point_accuracy_drop_do_not(string profile)
    {
        var b = Committed(profile);
        var limits = ProfileCatalog.Load(profile).Gate;

        // Host-timed figures drift by up to +52 % between unchanged runs; an emulated run repeats to the cycle.
        var emulated = b.CycleUnit == CycleUnit.EmulatedMcu;
        var drifted = GateChecks.Check(b, RunLike(b, emulated ? 1.0 : 1.52), limits);
        Assert.True(drifted.ExitCode == GateResult.ExitPass, string.Join("\n", drifted.Checks.Select(c => $"{c.Name}: {c.Verdict} {c.Reason}")));
        Assert.Equal(GateVerdict.Pass, drifted.Checks.Single(c => c.Name == GateChecks.Ram).Verdict);

        var tripled = GateChecks.Check(b, RunLike(b, 3), limits);
        Assert.Equal(GateResult.ExitRegression, tripled.ExitCode);
        Assert.Equal(GateVerdict.Regression, tripled.Checks.Single(c => c.Name == GateChecks.FrontendCycles).Verdict);
        Assert.Equal(GateVerdict.Regression, tripled.Checks.Single(c => c.Name == GateChecks.Energy).Verdict);

        if (emulated)
        {
            // Emulated MCU cycles and energy are gated to 1 %: two more percent is a regression.
            var slower = GateChecks.Check(b, RunLike(b, 1.02), limits);
            Assert.Equal(GateVerdict.Regression, slower.Checks.Single(c => c.Name == GateChecks.FrontendCycles).Verdict);
            Assert.Equal(GateVerdict.Regression, slower.Checks.Single(c => c.Name == GateChecks.Energy).Verdict);
        }

        var worse = GateChecks.Check(b, RunLike(b, 1, accuracyDropPoints: 5), limits);
        Assert.Equal(GateResult.ExitRegression, worse.ExitCode);
        Assert.Equal(GateVerdict.Regression, worse.Checks.Single(c => c.Name == GateChecks.Accuracy).Verdict);
    }
}
