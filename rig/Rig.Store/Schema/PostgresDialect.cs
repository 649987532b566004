using System.Data.Common;

namespace Rig.Store.Schema;

/// <summary>PostgreSQL: the version in rig_schema; concurrent rigs (a farm's hosts starting together) migrate one at a time under an advisory lock.</summary>
internal sealed class PostgresDialect : ISchemaDialect
{
    public static readonly PostgresDialect Instance = new();

    /// <summary>The advisory lock key of the rig's schema ("rigstore" in ASCII).</summary>
    private const long LockKey = 0x726967_73746F7265;

    public string Real => "DOUBLE PRECISION";

    public string JsonText(params string[] path) => $"(run_json::json #>> '{{{string.Join(',', path)}}}')";

    public string JsonNumber(params string[] path) => $"({JsonText(path)})::double precision";

    public void Lock(DbConnection connection, DbTransaction tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT pg_advisory_xact_lock({LockKey})";
        cmd.ExecuteNonQuery();
    }

    public int ReadVersion(DbConnection connection, DbTransaction tx) => VersionTable.Read(connection, tx);

    public void WriteVersion(DbConnection connection, DbTransaction tx, int version) => VersionTable.Write(connection, tx, version);
}
