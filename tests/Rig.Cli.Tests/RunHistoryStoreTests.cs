using System.Text.Json.Nodes;
using Rig.Cli.Tests.Support;
using Rig.Store.History;

namespace Rig.Cli.Tests;

/// <summary>`rig run` and the farm's PostgreSQL history: checked before anything is made, and the finished run recorded with its host.</summary>
public sealed class RunHistoryStoreTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void A_run_with_an_unreachable_store_stops_before_it_starts_naming_the_store()
    {
        var dir = _tmp.Sub("run");
        var url = $"postgres://rig@{Uri.EscapeDataString(_tmp.Sub("no-server"))}/history";
        var r = RigProcess.Run(_tmp.Path, "run", "--playlist", TwoClipPlaylist.Write(_tmp), "--out", dir, "--store", url);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"error: postgres://rig@{_tmp.Sub("no-server")}/history: cannot reach the history server", r.Err);
        Assert.False(Directory.Exists(dir), "nothing is made when the history cannot be used");
    }

    [Fact]
    public void A_finished_run_is_in_the_servers_history_with_this_host()
    {
        using var server = PostgresServer.Start();
        var url = server.CreateDatabase();
        var dir = _tmp.Sub("run");
        var r = RigProcess.Run(_tmp.Path, "run", "--playlist", TwoClipPlaylist.Write(_tmp), "--out", dir, "--store", url);
        Assert.True(r.ExitCode == 0, r.ToString());
        var run = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "run.json")))!;
        Assert.Equal(Environment.MachineName, (string?)run["host"]);
        using var store = HistoryStores.OpenAt(url);
        var row = Assert.Single(store.History(null, 10));
        Assert.Equal(((string)run["runId"]!, Environment.MachineName, 2), (row.RunId, row.Host, store.ClipRows(row.RunId)));
    }
}
