using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Plots;
using Rig.Reports.Data;

namespace Rig.Reports.Output;

/// <summary>Draws every figure of the report. A section missing from run.json gives a "not measured" panel, never an exception.</summary>
public static class ReportPlots
{
    public const string Confusion = "confusion";
    public const string ClassAccuracy = "class-accuracy";
    public const string FeatureDiff = "feature-diff";
    public const string Spectrogram = "board-vs-golden";
    public const string Cycles = "cycles-per-stage";
    public const string Power = "power-trace";
    public const string Memory = "memory";
    public const string Functions = "function-profile";

    /// <summary>Functions drawn in the profile plot (run.json keeps up to 30; the table shows them all).</summary>
    public const int PlottedFunctions = 15;

    public static IReadOnlyList<PlotFile> Draw(RunDirectory dir, BoardProfile? profile, IReadOnlyList<ClassAccuracy> classes, IReadOnlyList<StageCycles> stages)
    {
        var run = dir.Run;
        // Files are read (and refused if malformed) before drawing starts, so errors surface plainly, not inside Parallel.For.
        var (featureClip, features) = FeatureClip(dir);
        var trace = dir.Run.Power is { Measured: true, TraceFile: { } traceFile } ? PowerTraceCsv.Read(Path.Combine(dir.Path, traceFile)) : null;
        var jobs = new (string Id, string Title, Func<byte[]> Draw)[]
        {
            (Confusion, "Confusion matrix", () => ConfusionPlot.Draw(run.Confusion.Labels, run.Confusion.Counts)),
            (ClassAccuracy, "Per-class accuracy", () => ClassAccuracyPlot.Draw(classes.Select(c => c.Label).ToList(), classes.Select(c => c.Percent).ToList())),
            (Spectrogram, featureClip is null ? "Board vs golden log-mel" : $"Board vs golden log-mel: clip {featureClip.Index} {featureClip.Name}", () =>
                features is null ? PlotImage.NotMeasured("Board vs golden log-mel", "no clip has a feature file")
                : FeatureComparisonPlot.SideBySide(featureClip!.Name, features.Board, features.Golden, features.Bands)),
            (FeatureDiff, featureClip is null ? "Feature difference" : $"Feature difference: clip {featureClip.Index} {featureClip.Name}", () =>
                features is null ? PlotImage.NotMeasured("Feature difference", "no clip has a feature file")
                : FeatureComparisonPlot.Difference(featureClip!.Name, features.Board, features.Golden, features.Bands)),
            (Cycles, "Cycles per stage", () => CycleStagePlot.Draw(stages, run.Cycles is { } cycles ? JsonNames.Of(cycles.Unit) : "cycles")),
            (Power, "Power trace", () => PowerPlot(dir.Run.Power, trace)),
            (Memory, "RAM and flash by section", () => MemoryPlot(run.Memory, profile)),
            (Functions, "Function profile", () => FunctionPlot(run)),
        };
        // Each figure is independent; drawing them in parallel keeps a large run's report quick.
        var results = new PlotFile[jobs.Length];
        Parallel.For(0, jobs.Length, i => results[i] = new PlotFile(jobs[i].Id, jobs[i].Title, jobs[i].Draw()));
        return results;
    }

    /// <summary>The clip worth looking at: most mismatching values, else the first with a feature file.</summary>
    public static (ClipResult? Clip, ClipFeatures? Features) FeatureClip(RunDirectory dir)
    {
        var clip = dir.Run.Clips.Where(c => c.FeatureFile is not null)
            .OrderByDescending(c => c.MismatchingValues).ThenBy(c => c.Index).FirstOrDefault();
        return clip is null ? (null, null) : (clip, ClipFeatures.Read(dir.Path, clip.FeatureFile!));
    }

    private static byte[] PowerPlot(PowerResult? power, IReadOnlyList<PowerSample>? trace)
    {
        if (power is null) return PlotImage.NotMeasured("Power trace", "run.json has no power section");
        if (!power.Measured) return PlotImage.NotMeasured("Power trace", power.Reason ?? "power was not measured");
        if (trace is null) return PlotImage.NotMeasured("Power trace", "no trace file recorded");
        return PowerTracePlot.Draw(trace.Select(s => s.TimeSeconds).ToList(), trace.Select(s => s.PowerMw).ToList(), trace.Select(s => s.Marker).ToList());
    }

    private static byte[] FunctionPlot(RunResult run) =>
        run.FunctionProfile is { } functions
            ? FunctionProfilePlot.Draw([.. functions.Take(PlottedFunctions).Select(f => new FunctionCycles(f.Name, f.SelfCycles, f.TotalCycles))], MeasurementClock.EmulatedMcu.Label() + " cycles")
            : PlotImage.NotMeasured("Function profile", HtmlReport.NoProfile);

    private static byte[] MemoryPlot(MemoryResult? memory, BoardProfile? profile)
    {
        if (memory is null) return PlotImage.NotMeasured("RAM and flash", "run.json has no memory section");
        var ordered = memory.Sections.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        var ram = ordered.Where(s => MemoryLayout.InRam(s.Key, memory.SectionRegions)).Select(s => new SectionBytes(s.Key, s.Value)).ToList();
        var flash = ordered.Where(s => MemoryLayout.InFlash(s.Key, memory.SectionRegions)).Select(s => new SectionBytes(s.Key, s.Value)).ToList();
        if (ordered.Count == 0)
        {
            // Totals without a per-section breakdown still say where the image stands against its budget.
            ram = [new SectionBytes("total", memory.RamBytes)];
            flash = [new SectionBytes("total", memory.FlashBytes)];
        }
        return MemoryBudgetPlot.Draw(ram, profile?.Memory.RamBudgetBytes, flash, profile?.Memory.FlashBudgetBytes);
    }
}
