using Rig.Dsp.Frontend;
using Rig.Dsp.Signals;
using Rig.Dsp.Tables;
using Rig.Native;
using Rig.Native.CrossCheck;

namespace Rig.Dsp.Tests.CrossCheck;

/// <summary>The cross-check names the first stage that diverges: a golden model with one table entry altered is caught there.</summary>
public class DivergenceTests
{
    private static Divergence? CheckWith(string profile, Action<FrontendTables> alter)
    {
        var config = RepoProfiles.Load(profile).Frontend;
        var tables = new FrontendTables(config);
        alter(tables);
        using var check = new FrontendCrossCheck(RigCoreLibrary.Load(profile), new Q15Frontend(tables));
        check.Run("noise", TestSignals.Noise(config.FftLength * 4, seed: 2));
        return check.First;
    }

    [Theory]
    [InlineData("py32f003")]
    [InlineData("stm32l4")]
    public void Altered_window_diverges_in_window(string profile) =>
        Assert.Equal("window", CheckWith(profile, t => t.WindowHalf[5] += 3)?.Stage);

    [Fact]
    public void Altered_twiddle_diverges_in_fft() =>
        Assert.Equal("fft", CheckWith("rp2040", t => t.QuarterSine[3] -= 40)?.Stage);

    [Fact]
    public void Altered_mel_weight_diverges_in_mel() =>
        Assert.Equal("mel", CheckWith("nrf52840", t => t.MelWeights[10] -= 500)?.Stage);

    [Fact]
    public void Altered_log_lut_diverges_in_log() =>
        Assert.Equal("log", CheckWith("py32f003", t => { for (var i = 1; i < t.Log2Lut.Length - 1; i++) t.Log2Lut[i] += 200; })?.Stage);

    [Fact]
    public void Altered_dct_diverges_in_dct() =>
        Assert.Equal("dct", CheckWith("stm32l4", t => t.Dct[40] += 300)?.Stage);
}
