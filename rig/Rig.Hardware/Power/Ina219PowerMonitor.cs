using Rig.Core.Seams;
using Rig.Hardware.Ina219;

namespace Rig.Hardware.Power;

/// <summary>
/// A real board's INA219 sampled in the background while the orchestrator runs the burst. The window
/// comes from the GPIO marker's edges when the profile names a pin, else from the board's mark messages.
/// Measurement trouble (NAK, OVF, missing marks) gives Measured=false with the chip's message.
/// </summary>
public sealed class Ina219PowerMonitor : IPowerMonitor
{
    private readonly Ina219Device _device;
    private readonly IMarkerInput? _marker;
    private readonly TimeProvider _time;

    public Ina219PowerMonitor(Ina219Device device, Ina219Setup setup, IMarkerInput? marker, TimeProvider time)
    {
        _device = device;
        _marker = marker;
        _time = time;
        setup.Apply(device);
        Description = $"INA219 i2c-{setup.Bus} 0x{setup.Address:X2}" + (marker is null ? " (marks from messages)" : " (GPIO marker)");
    }

    public string Description { get; }
    public bool IsAvailable => true;

    public async Task<PowerMeasurement> MeasureAsync(IInferenceBurst burst, double estimatedSecondsPerInference, CancellationToken ct = default)
    {
        var period = _device.Configuration.CyclePeriod;
        var k = InferenceCount.For(estimatedSecondsPerInference, period);
        PowerMeasurement? last = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                last = await MeasureOnce(burst, k, period, ct);
            }
            catch (Ina219Exception e)
            {
                return PowerMeasurement.NotMeasured(e.Message);
            }
            if (!last.Result.Measured || last.Result.Samples >= InferenceCount.MinimumWindowSamples) return last;
            k = InferenceCount.Rescale(k, last.Result.Samples ?? 0);
        }
        return last!;
    }

    private async Task<PowerMeasurement> MeasureOnce(IInferenceBurst burst, int k, TimeSpan period, CancellationToken ct)
    {
        var readings = new List<PowerReading>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sampler = new PowerSampler(_device, _marker);
        var sampling = Task.Run(() => sampler.SampleUntilCancelled(r => { lock (readings) readings.Add(r); }, stop.Token), CancellationToken.None);
        try
        {
            var idleStart = _time.GetTimestamp();
            await Task.Delay(period * (InferenceCount.WindowPeriods), _time, ct);
            var idle = new PowerWindow(idleStart, _time.GetTimestamp());

            _marker?.Arm();
            var marks = new MessageMarks(_time);
            await burst.RunAsync(k, marks, ct);
            await Task.Delay(period * 2, _time, ct); // let the conversion spanning the stop mark finish
            var window = _marker?.Window is { } edges ? new PowerWindow(edges.Start, edges.Stop) : marks.Window;
            if (window is null)
                return PowerMeasurement.NotMeasured($"{_device.Where}: the board marked no window (no start and stop mark{(_marker is null ? " messages" : " edges on the marker pin")})");
            stop.Cancel();
            await sampling;
            List<PowerReading> copy;
            lock (readings) copy = [.. readings];
            return PowerWindowAnalysis.Analyse(copy, idle, window.Value, k, period, _time.TimestampFrequency, Description);
        }
        finally
        {
            stop.Cancel();
            try { await sampling; } catch (OperationCanceledException) { }
        }
    }

    public void Dispose()
    {
        _marker?.Dispose();
        _device.Dispose();
    }
}
