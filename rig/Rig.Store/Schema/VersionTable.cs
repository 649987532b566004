using System.Data.Common;
using System.Globalization;

namespace Rig.Store.Schema;

/// <summary>The rig_schema table both stores keep: the schema version and which rig wrote it.</summary>
internal static class VersionTable
{
    private const string Create = "CREATE TABLE IF NOT EXISTS rig_schema (version INTEGER NOT NULL, written_by TEXT NOT NULL)";

    public static int Read(DbConnection connection, DbTransaction tx)
    {
        Execute(connection, tx, Create);
        using var cmd = Command(connection, tx, "SELECT MAX(version) FROM rig_schema");
        return cmd.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 0;
    }

    public static void Write(DbConnection connection, DbTransaction tx, int version)
    {
        Execute(connection, tx, "DELETE FROM rig_schema");
        using var cmd = Command(connection, tx, "INSERT INTO rig_schema (version, written_by) VALUES (@version, @rig)");
        Parameters.Add(cmd, "version", version);
        Parameters.Add(cmd, "rig", "rig " + typeof(VersionTable).Assembly.GetName().Version);
        cmd.ExecuteNonQuery();
    }

    private static void Execute(DbConnection connection, DbTransaction tx, string sql)
    {
        using var cmd = Command(connection, tx, sql);
        cmd.ExecuteNonQuery();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }
}
