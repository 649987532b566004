using Rig.Audio.Tests.Support;
using Rig.Plots;

namespace Rig.Audio.Tests.Plots;

public class SpectrogramTests
{
    [Fact]
    public void A_full_scale_sine_shows_as_0_dB_in_its_bin_and_quiet_elsewhere()
    {
        var data = SpectrogramData.Compute(Signals.Sine(1000, 16000, 16000, 1.0), 16000);
        Assert.Equal(512, data.FftLength);
        var bins = data.Decibels.GetLength(0);
        var bin1k = bins - 1 - 1000 * data.FftLength / 16000;
        var frame = data.Decibels.GetLength(1) / 2;
        Assert.InRange(data.Decibels[bin1k, frame], -0.5, 0.5);
        Assert.True(data.Decibels[bins - 1 - 200, frame] < -80);
        Assert.Equal(8000, data.NyquistHz);
    }

    [Fact]
    public void The_plot_is_a_png()
    {
        var png = SpectrogramPlot.Draw(Signals.Sine(300, 8000, 8000), 8000, "tone");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.True(png.Length > 5000);
    }
}
