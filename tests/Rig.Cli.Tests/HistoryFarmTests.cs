using System.Text.Json;
using Rig.Cli.Tests.Support;
using Rig.Core.Runs;
using Rig.Store;
using Rig.Store.History;

namespace Rig.Cli.Tests;

/// <summary>
/// `rig history` over a farm's store (a SQLite file or a PostgreSQL server): --json, --all-hosts with the gate verdict
/// (table and HTML page), --sync from four rig processes at once, and a store it cannot use (exit 2, one line).
/// </summary>
public sealed class HistoryFarmTests : IDisposable
{
    private const int Clips = 54;
    private readonly TempDir _tmp = new();
    private PostgresServer? _server;

    public void Dispose()
    {
        _server?.Dispose();
        _tmp.Dispose();
    }

    private string NewStore(string kind)
    {
        if (kind == "sqlite") return _tmp.Sub($"history-{Guid.NewGuid().ToString("N")[..6]}.db");
        _server ??= PostgresServer.Start();
        return _server.CreateDatabase();
    }

    private RunResult Run(int seed, string host, string board = "serial:/dev/ttyACM0", int clips = Clips) =>
        SampleRun.Write(_tmp.Sub($"r{seed}"), seed, new SampleRunShape { Clips = clips, FeatureClips = 0 }) with { RunId = $"py32f003-{host}-{seed}", Host = host, Board = board };

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Json_lists_every_run_with_its_host_clips_and_accuracy(string kind)
    {
        var store = NewStore(kind);
        var runs = new[] { Run(1, "rig-a"), Run(2, "rig-b", clips: 5) };
        using (var s = HistoryStores.OpenAt(store))
            foreach (var r in runs) s.Record(r, null);
        var outcome = RigProcess.Run(_tmp.Path, "history", "--json", "--store", store);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        using var doc = JsonDocument.Parse(outcome.Out);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(runs.Length, rows.Count);
        for (var i = 0; i < runs.Length; i++)
        {
            var row = rows[i];
            Assert.Equal(runs[i].RunId, row.GetProperty("runId").GetString());
            Assert.Equal("py32f003", row.GetProperty("profile").GetString());
            Assert.Equal(runs[i].Host, row.GetProperty("host").GetString());
            Assert.Equal(runs[i].Clips.Count, row.GetProperty("clips").GetInt32());
            Assert.Equal(runs[i].Accuracy, row.GetProperty("accuracy").GetDouble(), 9);
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void All_hosts_shows_each_boards_latest_run_with_its_gate_verdict(string kind)
    {
        var store = NewStore(kind);
        using (var s = HistoryStores.OpenAt(store))
        {
            s.Record(Run(10, "rig-a", clips: 4), null);
            s.Record(Run(11, "rig-a", clips: 4), null);                                      // newer, same board: shown
            s.Record(Run(12, "rig-b", "serial:/dev/serial/by-id/usb-py32", clips: 4), null);
        }
        var page = _tmp.Sub("farm.html");
        var outcome = RigProcess.Run(_tmp.Path, "history", "--all-hosts", "--store", store, "--html", page);
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("py32f003-rig-a-11", outcome.Out);
        Assert.Contains("py32f003-rig-b-12", outcome.Out);
        Assert.DoesNotContain("py32f003-rig-a-10", outcome.Out);
        var html = File.ReadAllText(page);
        Assert.Contains("<td>rig-b</td><td>serial:/dev/serial/by-id/usb-py32</td>", html);
        // The sample runs' tables hash is not the committed baseline's: the gate cannot compare them, and says why.
        Assert.Equal(2, html.Split("<td class=\"cannot-compare\">cannot compare</td><td>config hash: baseline").Length - 1);

        var json = RigProcess.Run(_tmp.Path, "history", "--all-hosts", "--json", "--store", store);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.All(doc.RootElement.EnumerateArray(), r => Assert.Equal("cannot compare", r.GetProperty("gate").GetString()));
        Assert.Equal(["rig-a", "rig-b"], doc.RootElement.EnumerateArray().Select(r => r.GetProperty("host").GetString()));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Four_rig_processes_syncing_at_once_store_216_clips_once_each(string kind)
    {
        var store = NewStore(kind);
        var dirs = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var run = Run(20 + i, $"rig-{i}");
            var dir = _tmp.Sub($"r{20 + i}");
            using var local = RunStore.Open(RunStore.RunDbPath(dir));
            local.FinishRun(run, dir);
            dirs.Add(dir);
        }
        var processes = dirs.Select(d => RigProcess.Start(_tmp.Path, "history", "--sync", d, "--store", store)).ToList();
        foreach (var p in processes)
        {
            using (p)
            {
                var err = p.StandardError.ReadToEndAsync();
                await p.WaitForExitAsync().WaitAsync(RigProcess.Timeout);
                Assert.True(p.ExitCode == 0, await err);
            }
        }
        using var s = HistoryStores.OpenAt(store);
        var runs = s.History(null, 100);
        Assert.Equal(4, runs.Count);
        Assert.Equal(4 * Clips, runs.Sum(r => s.ClipRows(r.RunId)));
        Assert.All(runs, r => Assert.Equal(Enumerable.Range(0, Clips), s.FinishedRun(r.RunId)!.Clips.Select(c => c.Index)));
    }

    [Fact]
    public void An_unreachable_server_is_one_line_naming_it_and_exit_2()
    {
        var url = $"postgres://rig@{Uri.EscapeDataString(_tmp.Sub("no-server"))}/history";
        var outcome = RigProcess.Run(_tmp.Path, "history", "--json", "--store", url);
        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: postgres://rig@{_tmp.Sub("no-server")}/history: cannot reach the history server", line);
        Assert.Empty(outcome.Out);
    }

    [Fact]
    public void A_store_of_a_newer_schema_is_exit_2_naming_it()
    {
        var db = _tmp.Sub("newer.db");
        using (var s = HistoryStores.OpenAt(db)) { }
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE rig_schema SET version = 7";
            cmd.ExecuteNonQuery();
        }
        var outcome = RigProcess.Run(_tmp.Path, "history", "--profile", "py32f003", "--store", db);
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"error: {db}: history schema version 7 is newer than this rig understands", Assert.Single(outcome.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void Bad_credentials_are_exit_2_without_the_password()
    {
        _server = PostgresServer.StartOwn();
        var url = _server.CreateDatabase(owner: PostgresServer.PasswordUser);
        var wrong = _server.Url(url[(url.LastIndexOf('/') + 1)..], PostgresServer.PasswordUser, "wrong-password");
        var outcome = RigProcess.Run(_tmp.Path, "history", "--json", "--store", wrong);
        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("the server refused the login", line);
        Assert.DoesNotContain("wrong-password", line);
    }
}
