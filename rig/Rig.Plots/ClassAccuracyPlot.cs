using System.Globalization;
using ScottPlot;

namespace Rig.Plots;

/// <summary>Per-class accuracy bars (percent); classes without clips are drawn as an empty slot labelled n/a.</summary>
public static class ClassAccuracyPlot
{
    public static byte[] Draw(IReadOnlyList<string> labels, IReadOnlyList<double?> accuracyPercent)
    {
        if (labels.Count == 0) return PlotImage.NotMeasured("Per-class accuracy", "no clips classified");
        using var plot = new Plot();
        var bars = new List<Bar>();
        for (var i = 0; i < labels.Count; i++)
        {
            var a = accuracyPercent[i];
            bars.Add(new Bar
            {
                Position = i,
                Value = a ?? 0,
                FillColor = a is null ? Colors.LightGray : a >= 90 ? Colors.SeaGreen : a >= 70 ? Colors.Orange : Colors.Crimson,
                Label = a is null ? "n/a" : a.Value.ToString("0.#", CultureInfo.InvariantCulture) + "%",
            });
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 14;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), labels.ToArray());
        plot.Axes.SetLimitsY(0, 110);
        plot.Title("Per-class accuracy");
        plot.YLabel("accuracy (%)");
        return PlotImage.Png(plot);
    }
}
