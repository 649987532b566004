using System.Globalization;
using ScottPlot;

namespace Rig.Plots;

/// <summary>One ELF section's share of a memory.</summary>
public sealed record SectionBytes(string Section, int Bytes);

/// <summary>RAM and flash, each a stack of its sections, with the profile's budget drawn as a dashed line.</summary>
public static class MemoryBudgetPlot
{
    public static byte[] Draw(IReadOnlyList<SectionBytes> ram, int? ramBudget, IReadOnlyList<SectionBytes> flash, int? flashBudget)
    {
        if (ram.Count == 0 && flash.Count == 0) return PlotImage.NotMeasured("RAM and flash", "no section sizes");
        using var left = Stack("RAM", ram, ramBudget);
        using var right = Stack("Flash", flash, flashBudget);
        return PlotImage.SideBySide(left, right, 1000, 440);
    }

    private static Plot Stack(string memory, IReadOnlyList<SectionBytes> sections, int? budget)
    {
        var plot = new Plot();
        double bottom = 0;
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            var bar = new Bar { Position = 0, ValueBase = bottom, Value = bottom + s.Bytes, FillColor = palette.GetColor(i), Size = 0.6 };
            var bp = plot.Add.Bars(new[] { bar });
            bp.LegendText = $"{s.Section} {s.Bytes.ToString(CultureInfo.InvariantCulture)} B";
            bottom += s.Bytes;
        }
        var top = bottom;
        if (budget is int b && b > 0)
        {
            var line = plot.Add.HorizontalLine(b, 2, Colors.Crimson, LinePattern.Dashed);
            line.LegendText = $"budget {b.ToString(CultureInfo.InvariantCulture)} B";
            top = Math.Max(top, b);
        }
        plot.Axes.SetLimits(-1, 2.5, 0, Math.Max(1, top * 1.1));
        plot.Axes.Bottom.SetTicks([0.0], [memory]);
        plot.ShowLegend(Alignment.UpperRight);
        var title = budget is int bb && bb > 0
            ? $"{memory}: {bottom.ToString(CultureInfo.InvariantCulture)} of {bb.ToString(CultureInfo.InvariantCulture)} B budget"
            : $"{memory}: {bottom.ToString(CultureInfo.InvariantCulture)} B (no budget)";
        if (sections.Count == 0) title = $"{memory}: not measured";
        plot.Title(title);
        plot.YLabel("bytes");
        return plot;
    }
}
