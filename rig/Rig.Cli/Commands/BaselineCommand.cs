using System.CommandLine;
using Rig.Reports.Data;
using Rig.Reports.Gating;
using Rig.Reports.Output;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig baseline accept &lt;run dir&gt; [--out file]`: make a finished run the profile's baseline
/// (reports/baselines/&lt;profile&gt;.json). Unfinished runs are refused (exit 2).
/// </summary>
public static class BaselineCommand
{
    public static Command Create()
    {
        var runDir = new Argument<DirectoryInfo>("run-dir") { Description = "a finished run directory (holding run.json)" };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "baseline file to write (default: reports/baselines/<profile>.json)" };
        var accept = new Command("accept", "Make a finished run the baseline of its profile") { runDir, output };
        accept.SetAction(parse => CliErrors.Run(parse, () => Accept(parse.GetValue(runDir)!, parse.GetValue(output))));
        return new Command("baseline", "Manage the baselines the gate compares against") { accept };
    }

    private static int Accept(DirectoryInfo runDir, FileInfo? output)
    {
        var dir = RunDirectory.Load(runDir.FullName);
        var run = dir.Run;
        if (!run.Complete) throw new InvalidDataException($"{Path.Combine(dir.Path, Rig.Core.Runs.RunJson.FileName)}: complete: false; an unfinished run cannot be a baseline (resume it with `rig run --resume {dir.Path}`)");
        var path = output?.FullName ?? BaselineFile.DefaultPath(run.Profile);
        var baseline = Baseline.From(run) with { Playlist = RepoRelative(run.Playlist) };
        BaselineFile.Write(path, baseline);
        Console.Out.WriteLine($"baseline for {run.Profile}: {path}");
        Console.Out.WriteLine($"  run {run.RunId}, config hash {run.ConfigHash}, {run.Clips.Count} clips, accuracy {Fmt.Percent(baseline.AccuracyPercent)}");
        Console.Out.WriteLine($"  cycles {(baseline.CycleUnit is { } unit ? Rig.Core.Runs.JsonNames.Of(unit) : "not measured")}: frontend {Fmt.Number(baseline.FrontendCyclesMedian)}, model {Fmt.Number(baseline.ModelCyclesMedian)}");
        Console.Out.WriteLine($"  energy {(baseline.EnergyPerInferenceUj is { } e ? Fmt.Number(e) + " uJ" : "not measured")}, RAM {(baseline.RamBytes is { } ram ? Fmt.Bytes(ram) : "not measured")}, flash {(baseline.FlashBytes is { } flash ? Fmt.Bytes(flash) : "not measured")}");
        if (run.FeatureMismatches > 0) Console.Error.WriteLine($"warning: this run has {run.FeatureMismatches} feature mismatches; the gate still fails any run over the profile's limit");
        if (run.ModelMismatches > 0) Console.Error.WriteLine($"warning: this run has {run.ModelMismatches} model mismatches; the gate still fails any run over the profile's limit");
        return 0;
    }

    /// <summary>
    /// Baselines are committed: a playlist inside the checkout is stored relative to its root so the file does not
    /// carry one machine's (or worktree's) absolute path. Anything else is kept as given.
    /// </summary>
    private static string RepoRelative(string playlist)
    {
        if (!Path.IsPathRooted(playlist)) return playlist;
        try
        {
            var relative = Path.GetRelativePath(Rig.Core.RepoPaths.Root, playlist);
            return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? playlist : relative.Replace('\\', '/');
        }
        catch (InvalidOperationException)
        {
            return playlist; // not run from a checkout: nothing to be relative to
        }
    }
}
