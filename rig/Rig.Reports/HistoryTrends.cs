using Rig.Plots;
using Rig.Store;

namespace Rig.Reports;

/// <summary>`rig history`: the trend figure (accuracy, cycles, energy, RAM) of one profile's runs, oldest first.</summary>
public static class HistoryTrends
{
    public static IReadOnlyList<TrendSeries> Series(IReadOnlyList<RunSummary> runs)
    {
        var units = runs.Select(r => r.Metrics.CycleUnit).Where(u => u is not null).Distinct().ToList();
        var cycleClocks = runs.Select(r => r.Metrics.CycleClock).OfType<Rig.Core.Runs.MeasurementClock>().Distinct().ToList();
        var cycleUnit = (units.Count == 1 ? Rig.Core.Runs.JsonNames.Of(units[0]!.Value) : "cycles (units differ between runs)") + ClockNote(cycleClocks);
        var energyClocks = runs.Where(r => r.Metrics.EnergyPerInferenceUj is not null).Select(r => r.Metrics.EnergyClock).OfType<Rig.Core.Runs.MeasurementClock>().Distinct().ToList();
        return
        [
            new TrendSeries("Accuracy", "%", runs.Select(r => (double?)r.Metrics.AccuracyPercent).ToList()),
            new TrendSeries("Frontend cycles per column (median)", cycleUnit, runs.Select(r => r.Metrics.FrontendCyclesMedian).ToList()),
            new TrendSeries("Model cycles per inference (median)", cycleUnit, runs.Select(r => r.Metrics.ModelCyclesMedian).ToList()),
            new TrendSeries("Energy per inference", "uJ" + ClockNote(energyClocks), runs.Select(r => r.Metrics.EnergyPerInferenceUj).ToList()),
            new TrendSeries("RAM", "bytes", runs.Select(r => (double?)r.Metrics.RamBytes).ToList()),
            new TrendSeries("Flash", "bytes", runs.Select(r => (double?)r.Metrics.FlashBytes).ToList()),
        ];
    }

    /// <summary>" (host time)", or " (clocks differ: mcu, host)" when runs mix clocks.</summary>
    private static string ClockNote(IReadOnlyList<Rig.Core.Runs.MeasurementClock> clocks) => clocks.Count switch
    {
        0 => "",
        1 => $" ({Rig.Core.Runs.MeasurementClocks.Label(clocks[0])})",
        _ => $" (clocks differ: {string.Join(", ", clocks.Select(Rig.Core.Runs.MeasurementClocks.Name))})",
    };

    /// <summary>Writes the trend PNG and returns its path.</summary>
    public static string WritePlot(string path, IReadOnlyList<RunSummary> runs)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllBytes(path, Png(runs));
        return path;
    }

    /// <summary>The trend figure as PNG bytes (the history page inlines it).</summary>
    public static byte[] Png(IReadOnlyList<RunSummary> runs)
    {
        var labels = runs.Select(r => r.StartedAt.ToUniversalTime().ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return TrendPlot.Draw(labels, Series(runs));
    }
}
