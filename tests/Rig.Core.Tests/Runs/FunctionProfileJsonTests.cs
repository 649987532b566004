using Rig.Core.Runs;

namespace Rig.Core.Tests.Runs;

/// <summary>run.json's emulator figures: functionProfile and the emulator's stack and RAM, written, read back and checked.</summary>
public sealed class FunctionProfileJsonTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("rig-profile-json-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void An_emulated_runs_profile_and_emulator_stats_survive_a_round_trip()
    {
        var written = SampleRun.Write(dir, seed: 7, new SampleRunShape { Emulated = true });
        var read = RunJson.Read(dir);
        Assert.Equal(written.FunctionProfile!, read.FunctionProfile!);
        Assert.Equal(written.Stats!.EmulatorStackHighWaterBytes, read.Stats!.EmulatorStackHighWaterBytes);
        Assert.Equal(written.Stats.EmulatorRamTouchedBytes, read.Stats.EmulatorRamTouchedBytes);
        var json = File.ReadAllText(Path.Combine(dir, RunJson.FileName));
        foreach (var key in new[] { "\"functionProfile\"", "\"selfCycles\"", "\"totalCycles\"", "\"calls\"", "\"emulatorStackHighWaterBytes\"", "\"emulatorRamTouchedBytes\"" })
            Assert.Contains(key, json);
    }

    [Fact]
    public void A_run_without_an_emulator_has_no_profile_and_says_so_with_null()
    {
        SampleRun.Write(dir, seed: 8);
        var read = RunJson.Read(dir);
        Assert.Null(read.FunctionProfile);
        Assert.Null(read.Stats!.EmulatorStackHighWaterBytes);
        Assert.Contains("\"functionProfile\": null", File.ReadAllText(Path.Combine(dir, RunJson.FileName)));
    }


    [Fact]
    public void A_profile_whose_figures_contradict_each_other_is_refused_naming_the_entry()
    {
        var run = SampleRun.Write(dir, 9, new SampleRunShape { Emulated = true });
        var p = run.FunctionProfile!.ToList();
        p[2] = p[2] with { TotalCycles = p[2].SelfCycles - 1 };
        p[3] = p[3] with { FrontendShare = 1.5 };
        var v = RunInvariants.Violations(run with { FunctionProfile = p });
        Assert.Contains(v, x => x.StartsWith("functionProfile[2].totalCycles:", StringComparison.Ordinal));
        Assert.Contains(v, x => x.StartsWith("functionProfile[3].frontendShare:", StringComparison.Ordinal));

        var unsorted = Enumerable.Reverse(run.FunctionProfile!).ToList();
        Assert.Contains(RunInvariants.Violations(run with { FunctionProfile = unsorted }), x => x.StartsWith("functionProfile[1].selfCycles:", StringComparison.Ordinal));

        var twice = run.FunctionProfile!.Take(2).Append(run.FunctionProfile![1] with { SelfCycles = 0, TotalCycles = 0 }).ToList();
        Assert.Contains(RunInvariants.Violations(run with { FunctionProfile = twice }), x => x.StartsWith("functionProfile[2].name:", StringComparison.Ordinal));

        var tooMany = Enumerable.Range(0, FunctionProfileEntry.TopCount + 1).Select(i => new FunctionProfileEntry($"f{i}", 1000 - i, 1000, 1)).ToList();
        Assert.Contains(RunInvariants.Violations(run with { FunctionProfile = tooMany }), x => x.StartsWith("functionProfile:", StringComparison.Ordinal));

        var negative = run with { Stats = run.Stats! with { EmulatorStackHighWaterBytes = -4, EmulatorRamTouchedBytes = -1 } };
        var nv = RunInvariants.Violations(negative);
        Assert.Contains(nv, x => x.StartsWith("stats.emulatorStackHighWaterBytes:", StringComparison.Ordinal));
        Assert.Contains(nv, x => x.StartsWith("stats.emulatorRamTouchedBytes:", StringComparison.Ordinal));

        Assert.Empty(RunInvariants.Violations(run));
    }
}
