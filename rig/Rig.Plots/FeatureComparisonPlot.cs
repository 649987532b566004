using ScottPlot;

namespace Rig.Plots;

/// <summary>
/// Board vs golden log-mel features of one clip: the two spectrograms side by side on the same
/// colour scale, and the |board - golden| heatmap (frames x mel bands). Frames the board never sent
/// are NaN (drawn as gaps).
/// </summary>
public static class FeatureComparisonPlot
{
    public static byte[] SideBySide(string clipName, short[][] board, short[][] golden, int bands)
    {
        if (bands == 0 || (board.Length == 0 && golden.Length == 0)) return PlotImage.NotMeasured("Board vs golden log-mel", "no feature columns for " + clipName);
        var frames = Math.Max(board.Length, golden.Length);
        var (min, max) = Range(board, golden);
        using var left = Spectrogram(board, frames, bands, min, max, $"Board: {clipName}");
        using var right = Spectrogram(golden, frames, bands, min, max, $"Golden: {clipName}");
        return PlotImage.SideBySide(left, right, 1400, 440);
    }

    public static byte[] Difference(string clipName, short[][] board, short[][] golden, int bands)
    {
        if (bands == 0 || golden.Length == 0) return PlotImage.NotMeasured("Feature difference", "no feature columns for " + clipName);
        var frames = Math.Max(board.Length, golden.Length);
        var data = new double[bands, frames];
        for (var f = 0; f < frames; f++)
            for (var b = 0; b < bands; b++)
                data[bands - 1 - b, f] = f < board.Length && f < golden.Length ? Math.Abs(board[f][b] - golden[f][b]) : double.NaN;
        using var plot = new Plot();
        var heatmap = plot.Add.Heatmap(data);
        heatmap.Colormap = new ScottPlot.Colormaps.Inferno();
        heatmap.CellAlignment = Alignment.LowerLeft;
        heatmap.NaNCellColor = Colors.LightGray;
        var differing = 0;
        foreach (var v in data) if (v > 0) differing++;
        // All zero is the goal; keep the colour scale meaningful (0..1 LSB) instead of degenerate.
        if (differing == 0) heatmap.ManualRange = new ScottPlot.Range(0, 1);
        plot.Add.ColorBar(heatmap);
        if (differing == 0)
        {
            var t = plot.Add.Text("board and golden agree on every value", frames / 2.0, bands / 2.0);
            t.LabelAlignment = Alignment.MiddleCenter;
            t.LabelFontSize = 18;
            t.LabelFontColor = Colors.White;
        }
        plot.Axes.SetLimits(0, frames, 0, bands);
        plot.Title($"|board - golden| in Q15 LSB: {clipName} ({differing} differing values)");
        plot.XLabel("frame");
        plot.YLabel("mel band");
        return PlotImage.Png(plot, 1000, 440);
    }

    private static Plot Spectrogram(short[][] columns, int frames, int bands, double min, double max, string title)
    {
        var data = new double[bands, frames];
        for (var f = 0; f < frames; f++)
            for (var b = 0; b < bands; b++)
                data[bands - 1 - b, f] = f < columns.Length ? columns[f][b] : double.NaN;
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(data);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.CellAlignment = Alignment.LowerLeft;
        heatmap.ManualRange = new ScottPlot.Range(min, max);
        heatmap.NaNCellColor = Colors.LightGray;
        plot.Add.ColorBar(heatmap);
        plot.Axes.SetLimits(0, frames, 0, bands);
        plot.Title(title);
        plot.XLabel("frame");
        plot.YLabel("mel band");
        return plot;
    }

    private static (double Min, double Max) Range(short[][] a, short[][] b)
    {
        double min = double.MaxValue, max = double.MinValue;
        foreach (var col in a.Concat(b))
            foreach (var v in col)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        return min > max ? (0, 1) : min == max ? (min, min + 1) : (min, max);
    }
}
