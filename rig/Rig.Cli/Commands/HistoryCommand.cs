using System.CommandLine;
using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Reports;
using Rig.Reports.Output;
using Rig.Store;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig history --profile &lt;p&gt; [--store db] [--limit n] [--plot file]`: the profile's finished runs
/// from the history store (--store, else RIG_STORE, else runs/history.db) as a table, and their
/// trends (accuracy, cycles, energy, RAM, flash) as a PNG.
/// </summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var profile = new Option<string>("--profile", "-p") { Description = $"board profile ({ProfileCatalog.Listing()}; runs are recorded under it)", Required = true };
        var store = new Option<string?>("--store") { Description = $"history database (default: ${StoreLocation.EnvironmentVariable} or runs/history.db)" };
        var limit = new Option<int>("--limit", "-n") { Description = "newest runs shown", DefaultValueFactory = _ => 30 };
        var plot = new Option<FileInfo?>("--plot") { Description = "trend PNG to write (default: next to the store, history-<profile>.png)" };
        var command = new Command("history", "Runs of a profile over time: table and trend plot") { profile, store, limit, plot };
        command.SetAction(parse => CliErrors.Run(parse, () => Run(parse.GetValue(profile)!, parse.GetValue(store), parse.GetValue(limit), parse.GetValue(plot))));
        return command;
    }

    private static int Run(string profile, string? storeOption, int limit, FileInfo? plot)
    {
        var path = StoreLocation.Resolve(storeOption);
        // A name with no profile file is most likely a typo: say which profiles exist (runs of a profile
        // since removed from profiles/ are still shown when the store has them).
        var known = File.Exists(ProfileCatalog.PathFor(profile));
        if (!known && !File.Exists(path)) ProfileCatalog.Load(profile);
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: no history store yet (`rig run` records runs there; set --store or {StoreLocation.EnvironmentVariable} to look elsewhere)");
        using var store = RunStore.Open(path);
        var runs = store.History(profile, Math.Max(1, limit));
        if (runs.Count == 0)
        {
            if (!known) ProfileCatalog.Load(profile);
            Console.Out.WriteLine($"no finished runs of profile {profile} in {path}");
            return 0;
        }
        var table = PlainTextTable.Create("run", "started (UTC)", "mode", "board", "clips", "accuracy", "mismatches", "frontend cyc", "model cyc", "cycles clock", "energy uJ", "energy clock", "RAM B", "flash B", "config");
        foreach (var (r, m) in runs.Select(r => (r, r.Metrics)))
            PlainTextTable.Row(table, r.RunId + (r.Complete ? "" : " (unfinished)"), Fmt.Time(r.StartedAt), JsonNames.Of(r.Mode), r.Board, r.Clips.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Fmt.Percent(m.AccuracyPercent), Fmt.Int(m.FeatureMismatches), Fmt.Number(m.FrontendCyclesMedian), Fmt.Number(m.ModelCyclesMedian),
                m.CycleClock is { } cc ? cc.Name() : "-", Fmt.Number(m.EnergyPerInferenceUj), m.EnergyClock is { } ec ? ec.Name() : "-", Fmt.Number(m.RamBytes), Fmt.Number(m.FlashBytes), r.ConfigHash);
        PlainTextTable.Write(table);
        var png = plot?.FullName ?? Path.Combine(Path.GetDirectoryName(path)!, $"history-{profile}.png");
        Console.Out.WriteLine($"trends: {HistoryTrends.WritePlot(png, runs)}");
        return 0;
    }
}
