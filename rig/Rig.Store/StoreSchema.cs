using Microsoft.Data.Sqlite;
using Rig.Store.Schema;

namespace Rig.Store;

/// <summary>
/// Opens the tables of a SQLite run store (a run's run.db or the history file): the schema of both stores
/// (<see cref="SchemaSteps"/>), so a newer file is refused and an older one is migrated.
/// </summary>
internal static class StoreSchema
{
    public static void Ensure(SqliteConnection connection, string path)
    {
        using (var pragma = connection.CreateCommand())
        {
            // WAL + FULL: a committed clip survives the process being killed right after RecordClip returns.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";
            pragma.ExecuteNonQuery();
        }
        SchemaMigration.Apply(connection, SqliteDialect.Instance, path);
    }
}
