using ScottPlot;
using SkiaSharp;

namespace Rig.Plots;

/// <summary>Turns ScottPlot figures into PNG bytes, and draws the "not measured" panel every plot falls back to.</summary>
public static class PlotImage
{
    public const int Width = 800;
    public const int Height = 480;

    public static byte[] Png(Plot plot, int width = Width, int height = Height) =>
        plot.GetImageBytes(width, height, ImageFormat.Png);

    /// <summary>A plot-sized panel that says clearly why there is no plot (a section missing from run.json).</summary>
    public static byte[] NotMeasured(string title, string reason, int width = Width, int height = Height)
    {
        using var plot = new Plot();
        plot.Title(title);
        plot.HideAxesAndGrid();
        var text = plot.Add.Text("not measured: " + reason, 0, 0);
        text.LabelFontSize = 20;
        text.LabelAlignment = Alignment.MiddleCenter;
        text.LabelFontColor = Colors.DimGray;
        plot.Axes.SetLimits(-1, 1, -1, 1);
        return Png(plot, width, height);
    }

    /// <summary>Two figures next to each other in one PNG (board left, golden right, for example).</summary>
    public static byte[] SideBySide(Plot left, Plot right, int width = Width * 2, int height = Height)
    {
        var half = width / 2;
        return Compose(width, height, [(left, 0, 0, half, height), (right, half, 0, width - half, height)]);
    }

    /// <summary>Figures stacked in a grid of <paramref name="columns"/> columns, one PNG.</summary>
    public static byte[] Grid(IReadOnlyList<Plot> plots, int columns, int cellWidth = Width, int cellHeight = Height * 3 / 4)
    {
        var rows = (plots.Count + columns - 1) / columns;
        return Compose(columns * cellWidth, Math.Max(1, rows) * cellHeight,
            plots.Select((p, i) => (p, i % columns * cellWidth, i / columns * cellHeight, cellWidth, cellHeight)).ToList());
    }

    /// <summary>
    /// Each figure is rendered on its own and then pasted: rendering into a shared canvas would let
    /// every figure clear what the previous one drew.
    /// </summary>
    private static byte[] Compose(int width, int height, IReadOnlyList<(Plot Plot, int X, int Y, int W, int H)> parts)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.White);
        foreach (var (plot, x, y, w, h) in parts)
        {
            using var bitmap = SKBitmap.Decode(plot.GetImageBytes(w, h, ImageFormat.Png));
            surface.Canvas.DrawBitmap(bitmap, x, y);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
