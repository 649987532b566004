using Rig.Core;
using Rig.Store.Postgres;

namespace Rig.Store;

/// <summary>
/// Where the history lives: the --store option, else RIG_STORE, else runs/history.db in the checkout (gitignored), so
/// `rig history` finds what `rig run` recorded without configuration. A postgres:// URL or a PostgreSQL connection
/// string (Host=...;Database=...) names a shared server (a farm); anything else is a SQLite file.
/// </summary>
public static class StoreLocation
{
    public const string EnvironmentVariable = "RIG_STORE";

    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option)) return Normal(option);
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Normal(env);
        try
        {
            return Path.Combine(RepoPaths.Root, "runs", "history.db");
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"no history store given and {e.Message}; pass --store <file or postgres://user@host/db> or set {EnvironmentVariable}", e);
        }
    }

    /// <summary>Whether <paramref name="location"/> names a PostgreSQL server rather than a SQLite file.</summary>
    public static bool IsPostgres(string location) => PostgresAddress.Recognises(location);

    private static string Normal(string location) => IsPostgres(location) ? location.Trim() : Path.GetFullPath(location);
}
