using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rig.Core.Runs;

/// <summary>The one JSON shape of run.json (camelCase, indented) and its reader that refuses newer schemas.</summary>
public static class RunJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public const string FileName = "run.json";

    public static void Write(string runDir, RunResult run)
    {
        Directory.CreateDirectory(runDir);
        var path = Path.Combine(runDir, FileName);
        var tmp = path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(run, Options));
        File.Move(tmp, path, overwrite: true);
    }

    public static RunResult Read(string runDir)
    {
        var path = Directory.Exists(runDir) ? Path.Combine(runDir, FileName) : runDir;
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: no run.json (is this a run directory?)");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        if (doc.RootElement.TryGetProperty("schemaVersion", out var v) && v.TryGetInt32(out var version) && version > RunResult.CurrentSchemaVersion)
            throw new InvalidDataException($"{path}: schema version {version} is newer than this rig understands ({RunResult.CurrentSchemaVersion}); update the rig");
        try
        {
            return doc.RootElement.Deserialize<RunResult>(Options) ?? throw new InvalidDataException($"{path}: empty run.json");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
