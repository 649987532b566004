using System.Data.Common;

namespace Rig.Store.Schema;

/// <summary>Brings a store to <see cref="SchemaSteps.Current"/> (or <paramref name="upTo"/>, for tests of old stores) under the store's lock.</summary>
internal static class SchemaMigration
{
    public static void Apply(DbConnection connection, ISchemaDialect dialect, string store, int upTo = SchemaSteps.Current)
    {
        using var tx = connection.BeginTransaction();
        dialect.Lock(connection, tx);
        var found = dialect.ReadVersion(connection, tx);
        if (found > SchemaSteps.Current)
            throw new InvalidDataException($"{store}: history schema version {found} is newer than this rig understands ({SchemaSteps.Current}); "
                                           + "a newer rig migrated it: update the rig on this host (git pull), or pass another --store");
        if (found >= upTo)
        {
            tx.Commit();
            return;
        }
        for (var v = found + 1; v <= upTo; v++)
        {
            using var step = connection.CreateCommand();
            step.Transaction = tx;
            step.CommandText = SchemaSteps.Step(v, dialect);
            step.ExecuteNonQuery();
        }
        dialect.WriteVersion(connection, tx, upTo);
        tx.Commit();
    }
}
