using Rig.Core.Runs;

namespace Rig.Reports.Data;

/// <summary>
/// A run directory checked before anything is drawn: run.json readable, of a schema this rig
/// understands and consistent (<see cref="RunInvariants"/>), and every file it names present. Problems are refused with
/// an InvalidDataException naming the file, the field and the reason.
/// </summary>
public sealed record RunDirectory(string Path, RunResult Run)
{
    public static RunDirectory Load(string runDir)
    {
        if (!Directory.Exists(runDir)) throw new InvalidDataException($"{runDir}: no such run directory");
        var json = System.IO.Path.Combine(runDir, RunJson.FileName);
        var run = RunJson.Read(runDir);
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
}
