using Rig.Dsp.Frontend;
using Rig.Dsp.Signals;
using Rig.Native;
using Rig.Native.CrossCheck;

namespace Rig.Dsp.Tests.CrossCheck;

/// <summary>C frontend (host library via function pointers) against the golden model, every stage, value by value.</summary>
public class CrossCheckTests
{
    public static TheoryData<string, string> ProfileSignals()
    {
        var d = new TheoryData<string, string>();
        foreach (var p in RepoProfiles.Names)
            foreach (var s in TestSignals.Names)
                d.Add(p, s);
        return d;
    }

    [Theory]
    [MemberData(nameof(ProfileSignals))]
    public void Signal_is_bit_exact_in_every_stage(string profile, string signal)
    {
        var config = RepoProfiles.Load(profile).Frontend;
        using var check = new FrontendCrossCheck(RigCoreLibrary.Load(profile), config);
        var x = TestSignals.Create(signal, config.SampleRate, config.SampleRate, seed: 3);
        var (frames, mismatches) = check.Run(signal, x, seed: 5);
        Assert.True(frames >= (x.Length - config.FftLength) / config.Hop, $"only {frames} columns");
        Assert.True(mismatches == 0, $"{mismatches} values differ; first: {check.First}");
    }

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Standard_run_meets_the_numbers(string profile)
    {
        var p = RepoProfiles.Load(profile);
        var r = FrontendCrossCheck.RunStandard(profile, p.Frontend, RigCoreLibrary.Load(profile), randomCases: 4);
        Assert.Equal(0, r.Mismatches);
        Assert.Null(r.FirstDivergingStage);
        Assert.True(r.MeanAbsErrorDb <= 1.0, $"mean |error| {r.MeanAbsErrorDb} dB");
        Assert.True(r.RamBytes <= p.Memory.FrontendRamBudgetBytes, $"{r.RamBytes} B");
        Assert.Equal($"0x{new Q15Frontend(p.Frontend).ConfigHash:X8}", r.ConfigHash);
    }
}
