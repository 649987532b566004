using Rig.Plots;
using Rig.Store;

namespace Rig.Reports;

/// <summary>`rig history`: the trend figure (accuracy, cycles, energy, RAM) of one profile's runs, oldest first.</summary>
public static class HistoryTrends
{
    public static IReadOnlyList<TrendSeries> Series(IReadOnlyList<RunSummary> runs)
    {
        var units = runs.Select(r => r.CycleUnit).Where(u => u is not null).Distinct().ToList();
        var cycleUnit = units.Count == 1 ? units[0]! : "cycles (units differ between runs)";
        return
        [
            new TrendSeries("Accuracy", "%", runs.Select(r => (double?)(r.Accuracy * 100)).ToList()),
            new TrendSeries("Frontend cycles per column (median)", cycleUnit, runs.Select(r => r.FrontendCyclesMedian).ToList()),
            new TrendSeries("Model cycles per inference (median)", cycleUnit, runs.Select(r => r.ModelCyclesMedian).ToList()),
            new TrendSeries("Energy per inference", "uJ", runs.Select(r => r.EnergyPerInferenceUj).ToList()),
            new TrendSeries("RAM", "bytes", runs.Select(r => (double?)r.RamBytes).ToList()),
            new TrendSeries("Flash", "bytes", runs.Select(r => (double?)r.FlashBytes).ToList()),
        ];
    }

    /// <summary>Writes the trend PNG and returns its path.</summary>
    public static string WritePlot(string path, IReadOnlyList<RunSummary> runs)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var labels = runs.Select(r => r.StartedAt.ToUniversalTime().ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        File.WriteAllBytes(path, TrendPlot.Draw(labels, Series(runs)));
        return path;
    }
}
