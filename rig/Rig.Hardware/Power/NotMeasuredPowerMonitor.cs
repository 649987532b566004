using Rig.Core.Seams;

namespace Rig.Hardware.Power;

/// <summary>No INA219 to read: every measurement comes back Measured=false with the reason.</summary>
public sealed class NotMeasuredPowerMonitor(string reason) : IPowerMonitor
{
    public string Reason { get; } = reason;
    public string Description => $"not measured: {Reason}";
    public bool IsAvailable => false;

    public Task<PowerMeasurement> MeasureAsync(IInferenceBurst burst, double estimatedSecondsPerInference, CancellationToken ct = default) =>
        Task.FromResult(PowerMeasurement.NotMeasured(Reason));

    public void Dispose() { }
}
