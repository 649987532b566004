using Rig.Store.Postgres;
using Rig.Store.Sqlite;

namespace Rig.Store.History;

/// <summary>Opens the history store a location names (<see cref="StoreLocation"/>): a PostgreSQL server or a SQLite file.</summary>
public static class HistoryStores
{
    /// <summary>Opens the store of the --store option (else RIG_STORE, else runs/history.db), creating or migrating its schema.</summary>
    public static IHistoryStore Open(string? option) => OpenAt(StoreLocation.Resolve(option));

    public static IHistoryStore OpenAt(string location) =>
        StoreLocation.IsPostgres(location) ? PostgresHistoryStore.Open(PostgresAddress.Parse(location)) : SqliteHistoryStore.Open(location);

    /// <summary>Whether the store exists yet (a SQLite file that was never written does not; a server is asked when opened).</summary>
    public static bool Exists(string location) => StoreLocation.IsPostgres(location) || File.Exists(location);
}
