using System.Data.Common;
using System.Globalization;

namespace Rig.Store.Schema;

/// <summary>
/// SQLite: the version lives in rig_schema and, for rigs from before that table, in PRAGMA user_version (which they
/// read and refuse when newer); both are kept in step. The write transaction (BEGIN IMMEDIATE) is the lock.
/// </summary>
internal sealed class SqliteDialect : ISchemaDialect
{
    public static readonly SqliteDialect Instance = new();

    public string Real => "REAL";

    public string JsonText(params string[] path) => $"json_extract(run_json, '$.{string.Join('.', path)}')";

    public string JsonNumber(params string[] path) => JsonText(path);

    public void Lock(DbConnection connection, DbTransaction tx) { }

    public int ReadVersion(DbConnection connection, DbTransaction tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "PRAGMA user_version";
        var user = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        return Math.Max(user, VersionTable.Read(connection, tx));
    }

    public void WriteVersion(DbConnection connection, DbTransaction tx, int version)
    {
        VersionTable.Write(connection, tx, version);
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"PRAGMA user_version = {version.ToString(CultureInfo.InvariantCulture)}";
        cmd.ExecuteNonQuery();
    }
}
