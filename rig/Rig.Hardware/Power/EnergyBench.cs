using Rig.Core.Seams;
using Rig.Core.Runs;
using Rig.Hardware.Ina219;

namespace Rig.Hardware.Power;

/// <summary>
/// What measures one board's supply: its INA219 (real on /dev/i2c-N, or virtual on an I2cDevice), the setup it
/// gets, the marker line when it is wired to the rig host, the clock both are read with, and (simulated boards
/// only) the model's truth.
/// </summary>
public sealed class EnergyBench(Ina219Device device, Ina219Setup setup, IMarkerInput? marker, TimeProvider time, string description,
                                IPowerTruth? truth = null, int? markerPin = null) : IDisposable
{
    public Ina219Device Device => device;
    public Ina219Setup Setup => setup;
    public IMarkerInput? Marker => marker;
    public TimeProvider Time => time;
    public string Description => description;
    public IPowerTruth? Truth => truth;
    /// <summary>The rig host's GPIO the marker is read on (for messages).</summary>
    public int? MarkerPin => markerPin;
    public PowerWindowSource WindowSource => marker is null ? PowerWindowSource.Messages : PowerWindowSource.Gpio;

    public void Dispose()
    {
        marker?.Dispose();
        device.Dispose();
    }
}

/// <summary>
/// How a measurement runs: at least <see cref="Windows"/> BURST windows (and as many IDLE windows), each with at
/// least <see cref="MinSamples"/> INA219 conversions, none longer than <see cref="WindowLimitSeconds"/>.
/// </summary>
public sealed record EnergyPlan(double WindowLimitSeconds, string WindowLimitName)
{
    public int Windows { get; init; } = 5;
    public int MinSamples { get; init; } = InferenceCount.MinimumWindowSamples;
    public bool IncludeFrontend { get; init; } = true;
    /// <summary>Burst on the window the host sent since its last START (it primed one), not whatever the board kept.</summary>
    public bool HostWindow { get; init; }
    /// <summary>PING round trips whose median sets the serial latency (messages windows).</summary>
    public int Pings { get; init; } = 7;

    public EnergyPlan Validated()
    {
        if (Windows < 1) throw new ArgumentException($"windows {Windows} must be at least 1");
        if (MinSamples < 1) throw new ArgumentException($"min samples {MinSamples} must be at least 1");
        if (!(WindowLimitSeconds > 0)) throw new ArgumentException($"window limit {WindowLimitSeconds} s must be positive");
        return this;
    }
}
