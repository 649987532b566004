using ScottPlot;

namespace Rig.Plots;

/// <summary>A clip's spectrogram as a PNG heatmap: time in seconds across, frequency in Hz up, dB in colour.</summary>
public static class SpectrogramPlot
{
    public static byte[] Draw(ReadOnlySpan<float> samples, int sampleRate, string title, int width = PlotImage.Width, int height = PlotImage.Height)
    {
        if (samples.Length == 0) return PlotImage.NotMeasured(title, "empty clip", width, height);
        var notFinite = SpectrogramData.CountNotFinite(samples);
        if (notFinite > 0) return PlotImage.NotMeasured(title, $"{notFinite} samples are NaN or infinite", width, height);
        var data = SpectrogramData.Compute(samples, sampleRate);
        using var plot = new Plot();
        var heatmap = plot.Add.Heatmap(data.Decibels);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Extent = new CoordinateRect(0, data.Seconds, 0, data.NyquistHz);
        heatmap.ManualRange = new ScottPlot.Range(-90, 0);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "dB";
        plot.Axes.SetLimits(0, data.Seconds, 0, data.NyquistHz);
        plot.Title(title);
        plot.XLabel("time (s)");
        plot.YLabel("frequency (Hz)");
        return PlotImage.Png(plot, width, height);
    }
}
