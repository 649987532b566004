namespace Rig.Store.Tests.Support;

/// <summary>The two history stores every contract test runs against: a fresh SQLite file or a fresh PostgreSQL database.</summary>
public static class StoreKind
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Both => [Sqlite, Postgres];

    /// <summary>A new, empty store location of <paramref name="kind"/>.</summary>
    public static string NewLocation(string kind, TempDir tmp, PostgresServer server) =>
        kind == Postgres ? server.CreateDatabase() : tmp.Sub($"history-{Guid.NewGuid().ToString("N")[..6]}.db");
}
