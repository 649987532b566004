using System.CommandLine;
using Rig.Core.Profiles;
using Rig.Reports.Data;
using Rig.Reports.Gating;
using Rig.Reports.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig gate [--baseline file] &lt;run dir&gt;`: the run against the baseline under the profile's gate:
/// limits, as a table of baseline, current, delta, limit and verdict. Exit 0 pass, 1 regression,
/// 2 cannot compare (missing metric, other config hash, unfinished run) or bad input.
/// </summary>
public static class GateCommand
{
    public static Command Create()
    {
        var runDir = new Argument<DirectoryInfo>("run-dir") { Description = "a run directory (holding run.json)" };
        var baseline = new Option<FileInfo?>("--baseline", "-b") { Description = "baseline file (default: reports/baselines/<profile>.json)" };
        var profile = new Option<string?>("--profile", "-p") { Description = "profile whose gate: limits apply (default: the run's profile)" };
        var command = new Command("gate", "Check a run against its baseline; exit 0 pass, 1 regression, 2 cannot compare") { runDir, baseline, profile };
        command.SetAction(parse => CliErrors.Run(parse, () => Run(parse.GetValue(runDir)!, parse.GetValue(baseline), parse.GetValue(profile))));
        return command;
    }

    private static int Run(DirectoryInfo runDir, FileInfo? baselineFile, string? profileName)
    {
        var run = RunDirectory.Load(runDir.FullName).Run;
        var profile = ProfileCatalog.Load(profileName ?? run.Profile);
        var baselinePath = baselineFile?.FullName ?? BaselineFile.DefaultPath(run.Profile);
        var baseline = BaselineFile.Read(baselinePath);
        var result = GateChecks.Check(baseline, run, profile.Gate);

        var table = PlainTextTable.Create("check", "baseline", "current", "delta", "limit", "verdict", "why");
        foreach (var c in result.Checks)
        {
            var verdict = HtmlReport.Verdict(c.Verdict);
            var colour = c.Verdict switch { GateVerdict.Pass => Color.Green, GateVerdict.Regression => Color.Red, GateVerdict.CannotCompare => Color.Yellow, _ => Color.Grey };
            PlainTextTable.Row(table, new IRenderable[]
            {
                new Text(c.Name), new Text(Fmt.Number(c.Baseline)), new Text(Fmt.Number(c.Current)), new Text(Fmt.Signed(c.Delta)),
                new Text(c.Limit), new Text(verdict, new Style(colour)), new Text(c.Reason),
            });
        }
        PlainTextTable.Write(new Text($"run {run.RunId} against baseline {baseline.RunId} ({baselinePath})\n"));
        PlainTextTable.Write(table);
        PlainTextTable.Write(new Text($"gate: {result.Summary}\n"));
        if (result.ExitCode == GateResult.ExitCannotCompare)
            Console.Error.WriteLine($"error: cannot compare {Path.Combine(runDir.FullName, Rig.Core.Runs.RunJson.FileName)} with {baselinePath}: "
                                    + string.Join("; ", result.Checks.Where(c => c.Verdict == GateVerdict.CannotCompare).Select(c => $"{c.Name}: {c.Reason}")));
        return result.ExitCode;
    }
}
