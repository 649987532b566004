using Rig.Core.Runs;

namespace Rig.Reports.Data;

/// <summary>
/// A run directory checked before anything is drawn: run.json readable and of a schema this rig
/// understands, its numbers consistent, and every file it names present. Problems are refused with
/// an InvalidDataException naming the file, the field and the reason.
/// </summary>
public sealed record RunDirectory(string Path, RunResult Run)
{
    public static RunDirectory Load(string runDir)
    {
        if (!Directory.Exists(runDir)) throw new InvalidDataException($"{runDir}: no such run directory");
        var json = System.IO.Path.Combine(runDir, RunJson.FileName);
        RunResult run;
        try
        {
            run = RunJson.Read(runDir);
        }
        catch (System.Text.Json.JsonException e)
        {
            // RunJson.Read parses before its own try: a truncated file must still be a clear refusal.
            throw new InvalidDataException($"{json}: not valid JSON ({e.Message})", e);
        }
        Validate(json, run);
        foreach (var clip in run.Clips)
        {
            if (clip.FeatureFile is { } named) Inside(json, $"clips[{clip.Index}].featureFile", named);
            if (clip.FeatureFile is { } f && !File.Exists(System.IO.Path.Combine(runDir, f)))
                throw new InvalidDataException($"{json}: clips[{clip.Index}].featureFile: '{f}' is missing from the run directory");
        }
        if (run.Power is { TraceFile: { } t }) Inside(json, "power.traceFile", t);
        if (run.Power is { TraceFile: { } trace } && !File.Exists(System.IO.Path.Combine(runDir, trace)))
            throw new InvalidDataException($"{json}: power.traceFile: '{trace}' is missing from the run directory");
        return new RunDirectory(System.IO.Path.GetFullPath(runDir), run);
    }

    /// <summary>Files a run names live in the run directory: a report never reads from elsewhere on the machine.</summary>
    private static void Inside(string json, string field, string relative)
    {
        if (System.IO.Path.IsPathRooted(relative) || relative.Replace('\\', '/').Split('/').Contains(".."))
            throw new InvalidDataException($"{json}: {field}: '{relative}' must be a path inside the run directory");
    }

    private static void Validate(string json, RunResult run)
    {
        if (string.IsNullOrWhiteSpace(run.RunId)) throw new InvalidDataException($"{json}: runId: empty");
        if (string.IsNullOrWhiteSpace(run.Profile)) throw new InvalidDataException($"{json}: profile: empty");
        if (run.Accuracy is < 0 or > 1 || double.IsNaN(run.Accuracy))
            throw new InvalidDataException($"{json}: accuracy: {run.Accuracy} is not a fraction between 0 and 1");
        if (run.Confusion is null) throw new InvalidDataException($"{json}: confusion: missing");
        var n = run.Confusion.Labels.Count;
        if (run.Confusion.Counts.Count != n || run.Confusion.Counts.Any(row => row is null || row.Count != n))
            throw new InvalidDataException($"{json}: confusion.counts: expected {n} rows of {n} counts (one per label)");
        var seen = new HashSet<int>();
        foreach (var clip in run.Clips)
        {
            if (clip is null) throw new InvalidDataException($"{json}: clips: null entry");
            if (!seen.Add(clip.Index)) throw new InvalidDataException($"{json}: clips[{clip.Index}].index: appears twice");
            if (clip.Name is null || clip.Label is null || clip.Predicted is null)
                throw new InvalidDataException($"{json}: clips[{clip.Index}]: name, label and predicted are required");
        }
    }
}
