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
        // A null where the record has no null (a name, a list, the confusion matrix) is a broken file, refused on read.
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public const string FileName = "run.json";

    public static void Write(string runDir, RunResult run)
    {
        Directory.CreateDirectory(runDir);
        var path = Path.Combine(runDir, FileName);
        var tmp = path + ".tmp";
        try
        {
            File.WriteAllText(tmp, JsonSerializer.Serialize(run, Options));
            File.Move(tmp, path, overwrite: true);
        }
        catch (IOException e)
        {
            // Typically a full disk: the clips are committed in run.db already, so nothing measured is lost.
            throw new IOException($"{tmp}: cannot write run.json ({e.Message}); the run's clips are kept in its run.db: free space and continue with `rig run --resume {runDir}`", e);
        }
    }

    /// <summary>Keys every run.json states; a file missing one was not written by `rig run` (or was cut).</summary>
    public static readonly string[] RequiredKeys =
        ["runId", "profile", "mode", "board", "playlist", "configHash", "startedAt", "complete", "accuracy", "featureMismatches", "clips", "confusion"];

    /// <summary>Keys every clip of run.json states.</summary>
    public static readonly string[] RequiredClipKeys = ["index", "name", "label", "predicted", "mismatchingValues"];

    /// <summary>A typed name (mode, cycles.unit, ...) outside its set is refused naming the field, the value and the set.</summary>
    private static void CheckName<T>(string path, JsonElement parent, string key, string at = "") where T : struct, Enum
    {
        if (parent.TryGetProperty(key, out var e) && e.ValueKind == JsonValueKind.String && JsonNames.Parse<T>(e.GetString()) is null)
            throw new InvalidDataException($"{path}: {at}{key}: '{e.GetString()}' is not {string.Join(" or ", JsonNames.All<T>())}");
    }

    /// <summary>
    /// Reads and checks run.json (a run directory or the file itself): JSON of this schema, every required key,
    /// and <see cref="RunInvariants"/>. Any problem is an InvalidDataException naming the file and field.
    /// </summary>
    public static RunResult Read(string runDir)
    {
        var path = Directory.Exists(runDir) ? Path.Combine(runDir, FileName) : runDir;
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: no run.json (is this a run directory?)");
        using var doc = JsonInputFile.ReadObject(path, "run.json", RunResult.CurrentSchemaVersion, RequiredKeys);
        if (doc.RootElement.TryGetProperty("clips", out var clips) && clips.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var clip in clips.EnumerateArray())
            {
                if (clip.ValueKind != JsonValueKind.Object) throw new InvalidDataException($"{path}: clips[{i}]: expected an object, found {clip.ValueKind}");
                var keys = clip.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                foreach (var key in RequiredClipKeys)
                    if (!keys.Contains(key)) throw new InvalidDataException($"{path}: clips[{i}].{key}: missing");
                i++;
            }
        }
        CheckName<RunMode>(path, doc.RootElement, "mode");
        if (doc.RootElement.TryGetProperty("cycles", out var cycles) && cycles.ValueKind == JsonValueKind.Object) CheckName<CycleUnit>(path, cycles, "unit", "cycles.");
        if (doc.RootElement.TryGetProperty("timing", out var timing) && timing.ValueKind == JsonValueKind.Object)
        {
            CheckName<WireKind>(path, timing, "wire", "timing.");
            CheckName<PhysicalLimit>(path, timing, "physicalLimit", "timing.");
        }
        var run = JsonInputFile.Deserialize<RunResult>(path, "run.json", doc.RootElement, Options);
        var violations = RunInvariants.Violations(run);
        if (violations.Count > 0) throw new InvalidDataException(string.Join(Environment.NewLine, violations.Select(v => $"{path}: {v}")));
        return run;
    }
}
