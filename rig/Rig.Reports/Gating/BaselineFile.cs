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

    /// <summary>
    /// Keys every baseline states. A metric that was not measured is written as null; a key that is absent was
    /// deleted, and the gate must not mistake a deleted metric for a "new metric".
    /// </summary>
    public static readonly string[] RequiredKeys =
    [
        "profile", "configHash", "runId", "mode", "board", "playlist", "runStartedAt", "clips", "accuracyPercent", "featureMismatches",
        "cycleUnit", "frontendCyclesMedian", "modelCyclesMedian", "energyPerInferenceUj", "ramBytes", "flashBytes",
    ];

    /// <summary>Reads and checks a baseline: JSON of this schema, every key of <see cref="RequiredKeys"/>, figures in range.</summary>
    public static Baseline Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: no such baseline file");
        using var doc = JsonInputFile.ReadObject(path, "baseline", Baseline.CurrentSchemaVersion, RequiredKeys);
        var b = JsonInputFile.Deserialize<Baseline>(path, "baseline", doc.RootElement, RunJson.Options);
        var violations = Violations(b);
        if (violations.Count > 0) throw new InvalidDataException(string.Join(Environment.NewLine, violations.Select(v => $"{path}: {v}")));
        return b;
    }

    /// <summary>Every field of <paramref name="b"/> that is out of range, as "field: reason".</summary>
    public static IReadOnlyList<string> Violations(Baseline b)
    {
        var v = new List<string>();
        foreach (var (field, value) in new[] { ("profile", b.Profile), ("configHash", b.ConfigHash), ("runId", b.RunId), ("board", b.Board), ("playlist", b.Playlist) })
            if (string.IsNullOrWhiteSpace(value)) v.Add($"{field}: missing or empty");
        if (!Enum.IsDefined(b.Mode)) v.Add($"mode: '{b.Mode}' is not {string.Join(" or ", JsonNames.All<RunMode>())}");
        if (b.Clips < 1) v.Add($"clips: {b.Clips}; a baseline is a run with at least one clip");
        if (!double.IsFinite(b.AccuracyPercent) || b.AccuracyPercent is < 0 or > 100) v.Add($"accuracyPercent: {b.AccuracyPercent} is not a percentage between 0 and 100");
        if (b.FeatureMismatches < 0) v.Add($"featureMismatches: {b.FeatureMismatches} is negative");
        if (b.ModelMismatches < 0) v.Add($"modelMismatches: {b.ModelMismatches} is negative");
        foreach (var (field, value) in new[] { ("frontendCyclesMedian", b.FrontendCyclesMedian), ("modelCyclesMedian", b.ModelCyclesMedian), ("energyPerInferenceUj", b.EnergyPerInferenceUj) })
            if (value is { } x && (!double.IsFinite(x) || x < 0)) v.Add($"{field}: {x} is not a finite number >= 0 (write null when it was not measured)");
        if ((b.FrontendCyclesMedian ?? b.ModelCyclesMedian) is not null && b.CycleUnit is null) v.Add("cycleUnit: missing; cycle figures need their unit (mcu-cycles or host-cycles)");
        if (b.CycleUnit is { } unit && !Enum.IsDefined(unit)) v.Add($"cycleUnit: '{unit}' is not {string.Join(" or ", JsonNames.All<CycleUnit>())}");
        foreach (var (field, value) in new[] { ("ramBytes", b.RamBytes), ("flashBytes", b.FlashBytes) })
            if (value is <= 0) v.Add($"{field}: {value} is not a size in bytes > 0 (write null when it was not measured)");
        return v;
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
