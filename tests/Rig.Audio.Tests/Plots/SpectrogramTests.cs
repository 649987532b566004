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

    [Fact]
    public void Non_finite_samples_are_refused_by_the_data_and_shown_as_not_measured_by_the_plot()
    {
        var x = Signals.Sine(300, 8000, 8000);
        x[100] = float.PositiveInfinity;
        x[200] = float.NaN;
        Assert.Contains("2 samples are NaN or infinite", Assert.Throws<ArgumentException>(() => SpectrogramData.Compute(x, 8000)).Message);
        var png = SpectrogramPlot.Draw(x, 8000, "broken");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
    }

    [Fact]
    public void Finite_samples_far_beyond_full_scale_give_finite_decibels()
    {
        var x = Enumerable.Repeat(float.MaxValue, 4096).ToArray();
        var data = SpectrogramData.Compute(x, 8000);
        foreach (var db in data.Decibels) Assert.True(double.IsFinite(db) && db >= SpectrogramData.FloorDb);
    }
}
