using System.Net.Sockets;
using Npgsql;
using Rig.Core.Runs;
using Rig.Store.History;
using Rig.Store.Schema;

namespace Rig.Store.Postgres;

/// <summary>
/// The farm's shared history on a PostgreSQL server: the same schema as the SQLite file, created and migrated on open.
/// Every failure is one message naming the store and what to do (<see cref="Translate"/>). Not thread-safe: one per caller.
/// </summary>
public sealed class PostgresHistoryStore : IHistoryStore
{
    private readonly NpgsqlConnection _connection;

    public string Name { get; }

    private PostgresHistoryStore(string name, NpgsqlConnection connection)
    {
        Name = name;
        _connection = connection;
    }

    /// <summary>Connects, then creates or migrates the schema (refusing a newer one).</summary>
    public static PostgresHistoryStore Open(PostgresAddress address) => Open(address, SchemaSteps.Current);

    /// <summary>As <see cref="Open(PostgresAddress)"/>, migrating only up to <paramref name="schemaVersion"/> (tests of old stores).</summary>
    internal static PostgresHistoryStore Open(PostgresAddress address, int schemaVersion)
    {
        var connection = new NpgsqlConnection(address.ConnectionString);
        try
        {
            Guard(address.Display, "connect", () =>
            {
                connection.Open();
                SchemaMigration.Apply(connection, PostgresDialect.Instance, address.Display, schemaVersion);
                return 0;
            });
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new PostgresHistoryStore(address.Display, connection);
    }

    public void Record(RunResult run, string? runDir) => Guard(Name, "record run " + run.RunId, () =>
    {
        HistoryRows.Record(_connection, Name, run, runDir);
        return 0;
    });

    public IReadOnlyList<RunSummary> History(string? profile, int limit) => Guard(Name, "read the history", () => HistoryRows.History(_connection, Name, profile, limit));

    public IReadOnlyList<RunSummary> LatestPerBoard() => Guard(Name, "read the history", () => HistoryRows.LatestPerBoard(_connection, Name));

    public RunResult? FinishedRun(string runId) => Guard(Name, "read run " + runId, () => HistoryRows.FinishedRun(_connection, Name, runId));

    public int ClipRows(string runId) => Guard(Name, "count the clips", () => HistoryRows.ClipRows(_connection, runId));

    public void Dispose() => _connection.Dispose();

    private static T Guard<T>(string store, string action, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (Translate(store, action, e) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>Npgsql's failures as the rig's: one line naming the store and what to do; null for anything else (a bug).</summary>
    internal static Exception? Translate(string store, string action, Exception e) => e switch
    {
        PostgresException { SqlState: "28P01" or "28000" } p =>
            new InvalidDataException($"{store}: the server refused the login ({p.MessageText}); check the user and password in --store or RIG_STORE (or ~/.pgpass)", e),
        PostgresException { SqlState: "3D000" } p =>
            new InvalidDataException($"{store}: {p.MessageText}; create it on the server (createdb) or fix the database name in --store or RIG_STORE", e),
        PostgresException { SqlState: "42501" } p =>
            new InvalidDataException($"{store}: permission denied, cannot {action} ({p.MessageText}); grant the rig's user the rights on the history tables", e),
        PostgresException { SqlState: var state } p when state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal) || state == "53300" =>
            Unavailable(store, action, p.MessageText, e),
        PostgresException p => new IOException($"{store}: cannot {action} ({p.SqlState}: {p.MessageText})", e),
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } n => Unavailable(store, action, n.InnerException!.Message, e),
        NpgsqlException n => Unavailable(store, action, n.Message, e),
        SocketException or TimeoutException => Unavailable(store, action, e.Message, e),
        InvalidCastException or FormatException or OverflowException => new InvalidDataException($"{store}: a value of the wrong type, cannot {action} ({e.Message}); the store was edited or damaged", e),
        _ => null,
    };

    private static StoreUnavailableException Unavailable(string store, string action, string why, Exception e) =>
        new($"{store}: cannot reach the history server to {action} ({why}); check that PostgreSQL runs there and accepts connections, or pass --store <file> for a local history", e);
}
