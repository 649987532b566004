using Rig.Core.Config;
using Rig.Core.Profiles;
using Rig.Reports.Data;
using Rig.Reports.Gating;
using Rig.Reports.Output;

namespace Rig.Reports;

/// <summary>
/// `rig report` and the end of `rig run`: reads a run directory and writes report/index.html (one
/// self-contained file), report.md, junit.xml and the PNG plots. Bad input (missing files, newer
/// schema, inconsistent numbers) is refused with an InvalidDataException before anything is written.
/// </summary>
public static class ReportGenerator
{
    public const string FolderName = "report";
    public const string IndexFile = "index.html";
    public const string MarkdownFile = "report.md";
    public const string JUnitFile = "junit.xml";
    public const string PlotsFolder = "plots";

    public static ReportResult Write(string runDir, ReportOptions? options = null)
    {
        var model = Build(runDir, options ?? new ReportOptions());
        var outDir = options?.OutputDir ?? Path.Combine(runDir, FolderName);
        var plotsDir = Path.Combine(outDir, PlotsFolder);
        Directory.CreateDirectory(plotsDir);
        var plotFiles = new List<string>();
        foreach (var plot in model.Plots)
        {
            var path = Path.Combine(plotsDir, plot.FileName);
            File.WriteAllBytes(path, plot.Png);
            plotFiles.Add(path);
        }
        var html = HtmlReport.Render(model);
        var index = Path.Combine(outDir, IndexFile);
        var md = Path.Combine(outDir, MarkdownFile);
        var junit = Path.Combine(outDir, JUnitFile);
        File.WriteAllText(index, html);
        File.WriteAllText(md, MarkdownReport.Render(model));
        File.WriteAllText(junit, JUnitReport.Render(model));
        return new ReportResult(outDir, index, md, junit, plotFiles, new FileInfo(index).Length, model.Gate);
    }

    /// <summary>Loads and checks the run, resolves profile and baseline, computes the tables and draws the plots.</summary>
    public static ReportModel Build(string runDir, ReportOptions options)
    {
        var dir = RunDirectory.Load(runDir);
        var notes = new List<string>();
        var profile = options.Profile ?? (options.LookUpDefaults ? TryProfile(dir.Run.Profile, notes) : null);
        if (profile is null && !options.LookUpDefaults) notes.Add("no profile given: memory budgets and gate limits are not shown");
        Baseline? baseline = null;
        if (options.BaselinePath is { } bp) baseline = BaselineFile.Read(bp);
        else if (options.LookUpDefaults && TryDefaultBaseline(dir.Run.Profile) is { } found) baseline = BaselineFile.Read(found);
        GateResult? gate = null;
        if (baseline is not null)
        {
            if (profile is null) notes.Add($"baseline {baseline.RunId} not checked: the profile's gate limits are unknown");
            else gate = GateChecks.Check(baseline, dir.Run, profile.Gate);
        }
        var classes = ClassAccuracy.From(dir.Run.Confusion);
        var stages = StageStatistics.From(dir.Run.Clips);
        var plots = ReportPlots.Draw(dir, profile, classes, stages);
        return new ReportModel(dir, profile, gate is null ? null : baseline, gate, classes, stages, plots, notes);
    }

    private static BoardProfile? TryProfile(string name, List<string> notes)
    {
        try
        {
            return ProfileCatalog.Load(name);
        }
        catch (Exception e) when (e is ConfigException or InvalidOperationException or IOException)
        {
            notes.Add($"profile {name} not loaded ({e.Message}): memory budgets and gate limits are not shown");
            return null;
        }
    }

    private static string? TryDefaultBaseline(string profile)
    {
        try
        {
            var path = BaselineFile.DefaultPath(profile);
            return File.Exists(path) ? path : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
