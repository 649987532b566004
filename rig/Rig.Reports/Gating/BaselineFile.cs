using System.Text.Json;
using Rig.Core;
using Rig.Core.Runs;

namespace Rig.Reports.Gating;

/// <summary>Reads and writes baseline files; refuses missing, malformed and newer-schema files with the reason.</summary>
public static class BaselineFile
{
    public static string DefaultPath(string profile, string? repoRoot = null)
    {
        try
        {
            return Path.Combine(repoRoot ?? RepoPaths.Root, "reports", "baselines", profile + ".json");
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"no baseline file given and {e.Message}; pass --baseline/--out <file>", e);
        }
    }

    public static Baseline Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: no such baseline file");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (doc.RootElement.TryGetProperty("schemaVersion", out var v) && v.TryGetInt32(out var version) && version > Baseline.CurrentSchemaVersion)
                throw new InvalidDataException($"{path}: baseline schema version {version} is newer than this rig understands ({Baseline.CurrentSchemaVersion}); update the rig");
            var b = doc.RootElement.Deserialize<Baseline>(RunJson.Options) ?? throw new InvalidDataException($"{path}: empty baseline");
            if (string.IsNullOrWhiteSpace(b.Profile)) throw new InvalidDataException($"{path}: profile: empty");
            if (string.IsNullOrWhiteSpace(b.ConfigHash)) throw new InvalidDataException($"{path}: configHash: empty");
            return b;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a baseline ({e.Message})", e);
        }
    }

    public static void Write(string path, Baseline baseline)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(baseline, RunJson.Options) + "\n");
        File.Move(tmp, path, overwrite: true);
    }
}
