using Rig.Core.Seams;
using Rig.Core.Runs;

namespace Rig.Hardware.Power;

/// <summary>
/// Turns sampled conversions into the run's power figures. Only conversions that lie wholly inside a
/// window count (those straddling a mark would mix idle and active current). Energy per inference =
/// mean window power x window length / K, the window length coming from the marks, not the samples.
/// </summary>
public static class PowerWindowAnalysis
{
    public static PowerMeasurement Analyse(
        IReadOnlyList<PowerReading> readings, PowerWindow idle, PowerWindow window, int inferences,
        TimeSpan cyclePeriod, long timestampFrequency, string monitor)
    {
        var cycleStamps = (long)Math.Ceiling(cyclePeriod.TotalSeconds * timestampFrequency);
        var inWindow = readings.Where(r => window.Holds(r, cycleStamps)).ToList();
        var inIdle = readings.Where(r => idle.Holds(r, cycleStamps)).ToList();
        if (inWindow.Count == 0)
            return PowerMeasurement.NotMeasured($"{monitor}: no complete INA219 conversion inside the marked window of {window.Seconds(timestampFrequency) * 1e3:F3} ms");

        var activeWatts = inWindow.Average(r => r.PowerWatts);
        var idleWatts = inIdle.Count > 0 ? inIdle.Average(r => r.PowerWatts) : 0;
        var windowSeconds = window.Seconds(timestampFrequency);
        var energyJoules = activeWatts * windowSeconds / inferences;
        var span = inWindow.Count > 1 ? (inWindow[^1].Timestamp - inWindow[0].Timestamp) / (double)timestampFrequency : 0;

        var origin = readings[0].Timestamp;
        var trace = readings.Select(r => new PowerSample(
            (r.Timestamp - origin) / (double)timestampFrequency,
            r.PowerWatts * 1e3,
            r.Marker || (r.Timestamp >= window.Start && r.Timestamp <= window.Stop) ? 1 : 0)).ToList();

        var result = new PowerResult(
            Measured: true,
            Reason: inWindow.Count < InferenceCount.MinimumWindowSamples
                ? $"window held {inWindow.Count} samples, fewer than {InferenceCount.MinimumWindowSamples}"
                : null,
            EnergyPerInferenceUj: energyJoules * 1e6,
            ActivePowerMw: activeWatts * 1e3,
            IdlePowerMw: idleWatts * 1e3,
            Samples: inWindow.Count,
            BusVoltageV: inWindow.Average(r => r.Sample.BusVolts),
            InferencesInWindow: inferences,
            WindowSeconds: windowSeconds,
            TraceFile: null)
        {
            IdleSamples = inIdle.Count,
            ConversionSeconds = cyclePeriod.TotalSeconds,
            SamplerRateHz = span > 0 ? (inWindow.Count - 1) / span : 0,
            Monitor = monitor,
        };
        return new PowerMeasurement(result, trace);
    }
}
