using Rig.Core.Runs;

namespace Rig.Core.Seams;

/// <summary>A finished measurement: the run.json figures and the trace for the report.</summary>
public sealed record PowerMeasurement(PowerResult Result, IReadOnlyList<PowerSample> Trace)
{
    public const string DefaultTraceFile = "power.csv";

    public static PowerMeasurement NotMeasured(string reason) => new(PowerResult.NotMeasured(reason), []);

    /// <summary>Writes the trace into the run directory (when there is one) and returns the result naming it.</summary>
    public PowerResult WriteTrace(string runDirectory, string fileName = DefaultTraceFile)
    {
        if (!Result.Measured || Trace.Count == 0) return Result;
        PowerTraceCsv.Write(Path.Combine(runDirectory, fileName), Trace);
        return Result with { TraceFile = fileName };
    }
}
