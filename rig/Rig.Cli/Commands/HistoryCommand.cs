using System.CommandLine;
using Rig.Core;
using Rig.Core.Profiles;
using Rig.Core.Runs;
using Rig.Reports;
using Rig.Reports.History;
using Rig.Reports.Output;
using Rig.Store;
using Rig.Store.History;

namespace Rig.Cli.Commands;

/// <summary>
/// `rig history`: the runs the history store holds (--store: a SQLite file or a farm's PostgreSQL server, else
/// RIG_STORE, else runs/history.db). `--profile p`: that profile's runs as a table and their trends as a PNG;
/// `--all-hosts`: the newest complete run of every profile on every board of every host with its gate verdict, as a
/// table and the HTML history page; `--json`: the same rows as JSON; `--sync dir`: records a finished run the
/// history missed (its server was down).
/// </summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var profile = new Option<string?>("--profile", "-p") { Description = $"board profile ({ProfileCatalog.Listing()}); required unless --all-hosts, --json or --sync, which may omit it (every profile; --sync takes the run folder's)" };
        var store = new Option<string?>("--store") { Description = $"history store: a SQLite file or postgres://user@host/db (default: ${StoreLocation.EnvironmentVariable} or runs/history.db)" };
        var limit = new Option<int>("--limit", "-n") { Description = "newest runs shown", DefaultValueFactory = _ => 30 };
        var plot = new Option<FileInfo?>("--plot") { Description = "trend PNG to write (default: next to the store, history-<profile>.png)" };
        var json = new Option<bool>("--json") { Description = "print the runs as JSON (runId, profile, host, board, clips, accuracy, ...) instead of a table; no plot" };
        var allHosts = new Option<bool>("--all-hosts") { Description = "the newest complete run of every profile on every board of every host, with its gate verdict (table and HTML page)" };
        var html = new Option<FileInfo?>("--html") { Description = "HTML history page to write (default with --all-hosts: history.html next to the store, or runs/ for a server)" };
        var sync = new Option<DirectoryInfo?>("--sync") { Description = "record the finished run(s) of this run folder in the store (after its server was unreachable); recording twice duplicates nothing (omitted: the history is shown, nothing is recorded)" };
        var command = new Command("history", "Runs over time from the history store (a file or the farm's PostgreSQL): table, trend plot, JSON, every board's latest verdict")
        {
            profile, store, limit, plot, json, allHosts, html, sync,
        };
        command.SetAction(parse => CliErrors.Run(parse, () => Run(new Request(parse.GetValue(profile), parse.GetValue(store), Math.Max(1, parse.GetValue(limit)),
            parse.GetValue(plot), parse.GetValue(json), parse.GetValue(allHosts), parse.GetValue(html), parse.GetValue(sync)))));
        return command;
    }

    private sealed record Request(string? Profile, string? Store, int Limit, FileInfo? Plot, bool Json, bool AllHosts, FileInfo? Html, DirectoryInfo? Sync);

    private static int Run(Request q)
    {
        var location = StoreLocation.Resolve(q.Store);
        if (q.Sync is { } dir) return Sync(location, dir.FullName);
        if (q.Profile is null && !q.AllHosts && !q.Json)
            throw new InvalidDataException("history: --profile: missing; give a profile, --all-hosts (every board's latest run) or --json (every run)");
        // A name with no profile file is most likely a typo: say which profiles exist (runs of a profile
        // since removed from profiles/ are still shown when the store has them).
        var known = q.Profile is null || File.Exists(ProfileCatalog.PathFor(q.Profile));
        if (!known && !HistoryStores.Exists(location)) ProfileCatalog.Load(q.Profile!);
        if (!HistoryStores.Exists(location)) throw new InvalidDataException($"{location}: no history store yet (`rig run` records runs there; set --store or {StoreLocation.EnvironmentVariable} to look elsewhere)");
        using var store = HistoryStores.OpenAt(location);
        if (q.AllHosts) return AllHosts(store, location, q);
        var runs = store.History(q.Profile, q.Limit);
        if (q.Json)
        {
            Console.Out.WriteLine(HistoryJson.Write(runs.Select(HistoryJson.Of)));
            return 0;
        }
        if (runs.Count == 0)
        {
            if (!known) ProfileCatalog.Load(q.Profile!);
            Console.Out.WriteLine($"no finished runs of profile {q.Profile} in {store.Name}");
            return 0;
        }
        var table = PlainTextTable.Create("run", "started (UTC)", "rig host", "mode", "board", "clips", "accuracy", "mismatches", "frontend cyc", "model cyc", "cycles clock", "energy uJ", "energy clock", "RAM B", "flash B", "config");
        foreach (var (r, m) in runs.Select(r => (r, r.Metrics)))
            PlainTextTable.Row(table, r.RunId + (r.Complete ? "" : " (unfinished)"), Fmt.Time(r.StartedAt), r.Host ?? "unknown", JsonNames.Of(r.Mode), r.Board, r.Clips.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Fmt.Percent(m.AccuracyPercent), $"{Fmt.Int(m.FeatureMismatches)} / {Fmt.Int(m.ModelMismatches)}", Fmt.Number(m.FrontendCyclesMedian), Fmt.Number(m.ModelCyclesMedian),
                m.CycleClock is { } cc ? cc.Name() : "-", Fmt.Number(m.EnergyPerInferenceUj), m.EnergyClock is { } ec ? ec.Name() : "-", Fmt.Number(m.RamBytes), Fmt.Number(m.FlashBytes), r.ConfigHash);
        PlainTextTable.Write(table);
        // One cell for both counts keeps the table within the console's width.
        Console.Out.WriteLine("mismatches: feature (Q15) / model (int8) values differing from the golden model");
        var png = q.Plot?.FullName ?? Path.Combine(OutputDir(location), $"history-{q.Profile}.png");
        Console.Out.WriteLine($"trends: {HistoryTrends.WritePlot(png, runs)}");
        if (q.Html is { } page) Console.Out.WriteLine($"history page: {WritePage(page.FullName, store, q.Profile, runs)}");
        return 0;
    }

    private static int AllHosts(IHistoryStore store, string location, Request q)
    {
        var farm = FarmLatest.Read(store);
        if (q.Json)
        {
            Console.Out.WriteLine(HistoryJson.Write(farm.Select(HistoryJson.Of)));
            return 0;
        }
        var table = PlainTextTable.Create("profile", "rig host", "board", "board ID", "run", "started (UTC)", "clips", "accuracy", "gate", "why");
        foreach (var f in farm)
            PlainTextTable.Row(table, f.Run.Profile, f.Run.Host ?? "unknown", f.Run.Board, f.Run.BoardUid ?? "-", f.Run.RunId, Fmt.Time(f.Run.StartedAt),
                f.Run.Clips.ToString(System.Globalization.CultureInfo.InvariantCulture), Fmt.Percent(f.Run.Metrics.AccuracyPercent), f.Verdict, f.Why);
        if (farm.Count == 0) Console.Out.WriteLine($"no finished runs in {store.Name}");
        else PlainTextTable.Write(table);
        var runs = q.Profile is null ? null : store.History(q.Profile, q.Limit);
        var page = q.Html?.FullName ?? Path.Combine(OutputDir(location), "history.html");
        Console.Out.WriteLine($"history page: {WritePage(page, store, q.Profile, runs, farm)}");
        return 0;
    }

    private static string WritePage(string path, IHistoryStore store, string? profile, IReadOnlyList<RunSummary>? runs, IReadOnlyList<FarmBoard>? farm = null)
    {
        var dir = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var png = runs is { Count: > 0 } ? HistoryTrends.Png(runs) : null;
        File.WriteAllText(path, HistoryPage.Render(store.Name, farm ?? FarmLatest.Read(store), profile, runs, png));
        return path;
    }

    private static int Sync(string location, string runDir)
    {
        using var store = HistoryStores.OpenAt(location);
        foreach (var run in HistorySync.Sync(runDir, store))
            Console.Out.WriteLine($"recorded {run.RunId} ({run.Profile}, {run.Clips.Count} clips, host {run.Host ?? "unknown"}) in {store.Name}");
        return 0;
    }

    /// <summary>Where the plot and page go by default: next to a SQLite store, under runs/ of the checkout for a server.</summary>
    private static string OutputDir(string location) =>
        StoreLocation.IsPostgres(location) ? Path.Combine(RepoPaths.Root, "runs") : Path.GetDirectoryName(location)!;
}
