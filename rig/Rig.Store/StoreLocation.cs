using Rig.Core;

namespace Rig.Store;

/// <summary>
/// Where the history database lives: the --store option, else RIG_STORE, else runs/history.db in the
/// checkout (gitignored), so `rig history` finds what `rig run` recorded without configuration.
/// </summary>
public static class StoreLocation
{
    public const string EnvironmentVariable = "RIG_STORE";

    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option)) return Path.GetFullPath(option);
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
        try
        {
            return Path.Combine(RepoPaths.Root, "runs", "history.db");
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"no history store given and {e.Message}; pass --store <file> or set {EnvironmentVariable}", e);
        }
    }
}
