using System.Globalization;
using ScottPlot;

namespace Rig.Plots;

/// <summary>Confusion matrix heatmap: rows are true labels (top row first), columns predicted, counts written in the cells.</summary>
public static class ConfusionPlot
{
    public static byte[] Draw(IReadOnlyList<string> labels, IReadOnlyList<IReadOnlyList<int>> counts)
    {
        var n = labels.Count;
        if (n == 0 || counts.Count == 0) return PlotImage.NotMeasured("Confusion matrix", "no clips classified");
        using var plot = new Plot();
        var data = new double[n, n];
        var max = 1;
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var c = i < counts.Count && j < counts[i].Count ? counts[i][j] : 0;
                data[i, j] = c;
                max = Math.Max(max, c);
            }
        var heatmap = plot.Add.Heatmap(data);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        // Cells are centred on integer coordinates: column j at x = j, row i (top first) at y = n - 1 - i.
        plot.Add.ColorBar(heatmap);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var t = plot.Add.Text(((int)data[i, j]).ToString(CultureInfo.InvariantCulture), j, n - 1 - i);
                t.LabelAlignment = Alignment.MiddleCenter;
                t.LabelFontSize = 14;
                t.LabelFontColor = data[i, j] > max * 0.6 ? Colors.Black : Colors.White;
            }
        var ticks = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, labels.ToArray());
        plot.Axes.Left.SetTicks(ticks, labels.Reverse().ToArray());
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Title("Confusion matrix");
        plot.XLabel("predicted");
        plot.YLabel("true label");
        return PlotImage.Png(plot, 800, 640);
    }
}
