using ScottPlot;

namespace Rig.Plots;

/// <summary>One function of a profile: its own cycles and its cycles including callees.</summary>
public sealed record FunctionCycles(string Name, double SelfCycles, double TotalCycles);

/// <summary>
/// The functions with the most self cycles, most at the top: a light bar for the total (callees
/// included) with the self cycles drawn over it, so "does it work itself or call others" shows at a glance.
/// </summary>
public static class FunctionProfilePlot
{
    public static byte[] Draw(IReadOnlyList<FunctionCycles> functions, string unit)
    {
        if (functions.Count == 0) return PlotImage.NotMeasured("Function profile", "no function ran");
        using var plot = new Plot();
        var n = functions.Count;
        var total = plot.Add.Bars(functions.Select((f, i) => new Bar { Position = n - 1 - i, Value = f.TotalCycles, FillColor = Colors.LightSteelBlue, Size = 0.8 }).ToArray());
        total.Horizontal = true;
        total.LegendText = "total (with callees)";
        var self = plot.Add.Bars(functions.Select((f, i) => new Bar { Position = n - 1 - i, Value = f.SelfCycles, FillColor = Colors.SteelBlue, Size = 0.5 }).ToArray());
        self.Horizontal = true;
        self.LegendText = "self";
        plot.Axes.Left.SetTicks(functions.Select((_, i) => (double)(n - 1 - i)).ToArray(), functions.Select(f => f.Name).ToArray());
        plot.Axes.SetLimits(0, functions.Max(f => f.TotalCycles) * 1.15, -0.7, n - 0.3);
        plot.ShowLegend(Alignment.LowerRight);
        plot.Title("Function profile: top functions by self cycles");
        plot.XLabel(unit);
        return PlotImage.Png(plot, 1000, Math.Max(360, 60 + 22 * n));
    }
}
