using ScottPlot;

namespace Rig.Plots;

/// <summary>Power over time with the marked inference windows shaded, so energy per inference can be read against idle.</summary>
public static class PowerTracePlot
{
    public static byte[] Draw(IReadOnlyList<double> timeSeconds, IReadOnlyList<double> powerMw, IReadOnlyList<int> marker)
    {
        if (timeSeconds.Count == 0) return PlotImage.NotMeasured("Power trace", "the trace has no samples");
        using var plot = new Plot();
        var windows = 0;
        for (var i = 0; i < marker.Count; i++)
        {
            if (marker[i] == 0 || (i > 0 && marker[i - 1] != 0)) continue;
            var end = i;
            while (end + 1 < marker.Count && marker[end + 1] != 0) end++;
            var span = plot.Add.HorizontalSpan(timeSeconds[i], timeSeconds[end], Colors.Orange.WithAlpha(0.25));
            if (windows++ == 0) span.LegendText = "inference window";
        }
        var line = plot.Add.SignalXY(timeSeconds.ToArray(), powerMw.ToArray(), Colors.SteelBlue);
        line.LegendText = "power";
        plot.ShowLegend(Alignment.UpperRight);
        plot.Title("Power trace");
        plot.XLabel("time (s)");
        plot.YLabel("power (mW)");
        return PlotImage.Png(plot, 1000, 420);
    }
}
