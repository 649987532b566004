using ScottPlot;

namespace Rig.Plots;

/// <summary>One pipeline stage's cycle distribution across the run's clips.</summary>
public sealed record StageCycles(string Stage, double Median, double P95, double Max);

/// <summary>Cycles per stage: median, 95th percentile and maximum side by side for each stage.</summary>
public static class CycleStagePlot
{
    public static byte[] Draw(IReadOnlyList<StageCycles> stages, string unit)
    {
        if (stages.Count == 0) return PlotImage.NotMeasured("Cycles per stage", "the board reported no per-stage cycle counts");
        using var plot = new Plot();
        var series = new (string Name, Func<StageCycles, double> Value, Color Color)[]
        {
            ("median", s => s.Median, Colors.SteelBlue),
            ("p95", s => s.P95, Colors.Orange),
            ("max", s => s.Max, Colors.Crimson),
        };
        for (var k = 0; k < series.Length; k++)
        {
            var bars = stages.Select((s, i) => new Bar
            {
                Position = i * 4 + k,
                Value = series[k].Value(s),
                FillColor = series[k].Color,
            }).ToArray();
            var bp = plot.Add.Bars(bars);
            bp.LegendText = series[k].Name;
        }
        plot.Axes.Bottom.SetTicks(stages.Select((_, i) => i * 4 + 1.0).ToArray(), stages.Select(s => s.Stage).ToArray());
        // Head room above the tallest bar keeps the legend clear of the data.
        plot.Axes.SetLimitsY(0, stages.Max(s => s.Max) * 1.3);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title("Cycles per stage");
        plot.YLabel(unit + " per call");
        return PlotImage.Png(plot);
    }
}
