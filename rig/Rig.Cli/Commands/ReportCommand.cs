using System.CommandLine;
using Rig.Core.Profiles;
using Rig.Reports;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig report &lt;run dir&gt; [--baseline file] [--profile p] [--out dir]`: index.html (one self-contained
/// file), report.md, junit.xml and PNG plots of a run. Exit 0 written, 2 bad input (missing files, newer schema).
/// </summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var runDir = new Argument<DirectoryInfo>("run-dir") { Description = "a run directory (holding run.json)" };
        var baseline = new Option<FileInfo?>("--baseline", "-b") { Description = "gate against this baseline (default: reports/baselines/<profile>.json if it exists)" };
        var profile = new Option<string?>("--profile", "-p") { Description = "profile for budgets and gate limits (default: the run's profile)" };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "where to write (default: <run dir>/report)" };
        var command = new Command("report", "Write the HTML, Markdown and JUnit report of a run") { runDir, baseline, profile, output };
        command.SetAction(parse => CliErrors.Run(parse, () => Run(parse.GetValue(runDir)!, parse.GetValue(baseline), parse.GetValue(profile), parse.GetValue(output))));
        return command;
    }

    private static int Run(DirectoryInfo runDir, FileInfo? baseline, string? profile, DirectoryInfo? output)
    {
        var result = ReportGenerator.Write(runDir.FullName, new ReportOptions
        {
            BaselinePath = baseline?.FullName,
            Profile = profile is null ? null : ProfileCatalog.Load(profile),
            OutputDir = output?.FullName,
        });
        Console.Out.WriteLine($"report: {result.IndexHtml} ({result.HtmlBytes / 1024} KiB)");
        Console.Out.WriteLine($"markdown: {result.Markdown}");
        Console.Out.WriteLine($"junit: {result.JUnit}");
        Console.Out.WriteLine($"plots: {result.PlotFiles.Count} in {Path.GetDirectoryName(result.PlotFiles[0])}");
        if (result.Gate is { } gate) Console.Out.WriteLine($"gate: {gate.Summary} (run `rig gate` for the exit code)");
        return 0;
    }
}
