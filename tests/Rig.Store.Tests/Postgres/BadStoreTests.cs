using Rig.Store.History;
using Rig.Store.Postgres;

namespace Rig.Store.Tests.Postgres;

/// <summary>A server that is not there and a login the server refuses: one line naming the store and what to do.</summary>
public sealed class BadStoreTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void An_unreachable_server_is_named_with_what_to_do()
    {
        var url = $"postgres://rig@{Uri.EscapeDataString(_tmp.Path)}:5432/history";
        var e = Assert.Throws<StoreUnavailableException>(() => HistoryStores.OpenAt(url));
        Assert.StartsWith($"postgres://rig@{_tmp.Path}/history: cannot reach the history server to connect (", e.Message);
        Assert.Contains("check that PostgreSQL runs there", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Bad_credentials_are_refused_naming_the_store_never_the_password()
    {
        using var server = PostgresServer.StartOwn();
        var db = server.CreateDatabase(owner: PostgresServer.PasswordUser);
        var name = db[(db.LastIndexOf('/') + 1)..];
        using (var ok = HistoryStores.OpenAt(server.Url(name, PostgresServer.PasswordUser, PostgresServer.Password))) Assert.Empty(ok.History(null, 1));
        var wrong = server.Url(name, PostgresServer.PasswordUser, "not-the-password");
        var e = Assert.Throws<InvalidDataException>(() => HistoryStores.OpenAt(wrong));
        Assert.StartsWith($"{PostgresAddress.Parse(wrong).Display}: the server refused the login (", e.Message);
        Assert.Contains("check the user and password in --store or RIG_STORE", e.Message);
        Assert.DoesNotContain("not-the-password", e.Message);
    }

    [Fact]
    public void A_missing_database_says_to_create_it()
    {
        using var server = PostgresServer.StartOwn();
        var e = Assert.Throws<InvalidDataException>(() => HistoryStores.OpenAt(server.Url("no_such_db")));
        Assert.Contains("no_such_db", e.Message);
        Assert.Contains("create it on the server (createdb)", e.Message);
    }
}
