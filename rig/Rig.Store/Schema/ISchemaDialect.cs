using System.Data.Common;

namespace Rig.Store.Schema;

/// <summary>What differs between the two databases holding the same schema: a few type names, JSON paths, and where the version is kept.</summary>
internal interface ISchemaDialect
{
    /// <summary>The floating-point column type (SQLite REAL is 8 bytes; PostgreSQL's REAL is 4, so DOUBLE PRECISION).</summary>
    string Real { get; }

    /// <summary>The text at a JSON path of the run_json column (path segments, e.g. cycles, clock), or NULL.</summary>
    string JsonText(params string[] path);

    /// <summary>The number at a JSON path of the run_json column, or NULL.</summary>
    string JsonNumber(params string[] path);

    /// <summary>Takes the store's migration lock within <paramref name="tx"/>, so concurrent rigs migrate one at a time.</summary>
    void Lock(DbConnection connection, DbTransaction tx);

    /// <summary>The schema version recorded (0: an empty store).</summary>
    int ReadVersion(DbConnection connection, DbTransaction tx);

    /// <summary>Records <paramref name="version"/> and which rig wrote it.</summary>
    void WriteVersion(DbConnection connection, DbTransaction tx, int version);
}
