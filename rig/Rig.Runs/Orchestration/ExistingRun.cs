using Rig.Core.Runs;
using Rig.Store;

namespace Rig.Runs.Orchestration;

/// <summary>An --out folder that already holds a run (its run.db or run.json, or a board sub-folder's) is not reused silently.</summary>
public static class ExistingRun
{
    /// <summary>The run file found in <paramref name="outDir"/> or one level below, or null.</summary>
    public static string? Find(string outDir)
    {
        if (!Directory.Exists(outDir)) return null;
        return new[] { outDir }.Concat(Directory.EnumerateDirectories(outDir).Order(StringComparer.Ordinal))
            .SelectMany(d => new[] { RunStore.RunDbPath(d), Path.Combine(d, RunJson.FileName) })
            .FirstOrDefault(File.Exists);
    }

    public static void Refuse(string outDir)
    {
        if (Find(outDir) is not { } found) return;
        var dir = Path.GetFullPath(outDir);
        throw new ExistingRunException(
            $"--out {dir} already holds a run ({found}); pass --resume {dir} to continue it, or choose another --out");
    }
}

/// <summary>The output folder of a new run already holds one.</summary>
public sealed class ExistingRunException(string message) : IOException(message);
