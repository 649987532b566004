using ScottPlot;

namespace Rig.Plots;

/// <summary>One metric across runs, oldest first; null where a run did not measure it.</summary>
public sealed record TrendSeries(string Title, string Unit, IReadOnlyList<double?> Values);

/// <summary>History trends: one small chart per metric (accuracy, cycles, energy, RAM) against run number.</summary>
public static class TrendPlot
{
    public static byte[] Draw(IReadOnlyList<string> runLabels, IReadOnlyList<TrendSeries> series)
    {
        var plots = new List<Plot>();
        try
        {
            foreach (var s in series) plots.Add(One(runLabels, s));
            return PlotImage.Grid(plots, columns: 2);
        }
        finally
        {
            foreach (var p in plots) p.Dispose();
        }
    }

    private static Plot One(IReadOnlyList<string> runLabels, TrendSeries s)
    {
        var plot = new Plot();
        plot.Title(s.Title);
        plot.YLabel(s.Unit);
        plot.XLabel("run");
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < s.Values.Count; i++)
            if (s.Values[i] is double v) { xs.Add(i + 1); ys.Add(v); }
        if (xs.Count == 0)
        {
            plot.HideAxesAndGrid();
            var t = plot.Add.Text("not measured in any run", 0, 0);
            t.LabelAlignment = Alignment.MiddleCenter;
            t.LabelFontSize = 16;
            t.LabelFontColor = Colors.DimGray;
            plot.Axes.SetLimits(-1, 1, -1, 1);
            return plot;
        }
        var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
        line.MarkerSize = 7;
        double lo = ys.Min(), hi = ys.Max();
        // A flat series (RAM rarely moves) still gets a readable axis around its value.
        if (hi - lo < Math.Max(1e-9, Math.Abs(hi) * 1e-3)) plot.Axes.SetLimitsY(lo - Math.Max(1, Math.Abs(lo) * 0.02), hi + Math.Max(1, Math.Abs(hi) * 0.02));
        var step = Math.Max(1, runLabels.Count / 8);
        var ticks = Enumerable.Range(0, runLabels.Count).Where(i => i % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks(ticks.Select(i => i + 1.0).ToArray(), ticks.Select(i => runLabels[i]).ToArray());
        return plot;
    }
}
