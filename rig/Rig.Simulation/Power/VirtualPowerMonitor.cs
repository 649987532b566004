using Rig.Core.Seams;
using Rig.Hardware.Ina219;
using Rig.Hardware.Power;
using Rig.Simulation.Ina219;

namespace Rig.Simulation.Power;

/// <summary>
/// Power measurement of a virtual board: the board's reported work becomes an activity timeline
/// (<see cref="BoardPowerModel"/>), the timeline feeds a <see cref="VirtualIna219"/>, and the real driver and
/// sampler read it on a <see cref="VirtualClock"/> that moves with the I2C traffic: faster than real time,
/// and with exactly the conversion and bus timing the hardware would have.
/// </summary>
public sealed class VirtualPowerMonitor : IPowerMonitor
{
    private readonly BoardPowerModel _model;
    private readonly Ina219Setup _setup;
    private readonly double _i2cBusHz;

    /// <summary>Used for virtual boards whose profile names no INA219: 0x40 on bus 1, 1 ohm, 100 mA.</summary>
    public static readonly Rig.Core.Profiles.Ina219Section DefaultIna219 = new(1, 0x40, 1.0, 0.1);

    /// <summary>The profile's power model read through its INA219 (or <see cref="DefaultIna219"/>), as on its bench.</summary>
    public static VirtualPowerMonitor ForProfile(Rig.Core.Profiles.BoardProfile profile, double i2cBusHz = 400_000) =>
        new(BoardPowerModel.FromProfile(profile), SetupFor(profile), i2cBusHz);

    /// <summary>The INA219 setup of a virtual board: the profile's power.ina219, else <see cref="DefaultIna219"/>.</summary>
    public static Ina219Setup SetupFor(Rig.Core.Profiles.BoardProfile profile) =>
        Ina219Setup.Create(profile.Name, profile.Power.Ina219 ?? DefaultIna219, profile.Power.SupplyVolts);

    public VirtualPowerMonitor(BoardPowerModel model, Ina219Setup setup, double i2cBusHz = 400_000)
    {
        _model = model;
        _setup = setup;
        _i2cBusHz = i2cBusHz;
        Description = $"virtual INA219 0x{setup.Address:X2} ({model.Board} power model, I2C {i2cBusHz / 1e3:F0} kHz)";
    }

    public string Description { get; }
    public bool IsAvailable => true;
    public BoardPowerModel Model => _model;
    public Ina219Setup Setup => _setup;

    public async Task<PowerMeasurement> MeasureAsync(IInferenceBurst burst, double estimatedSecondsPerInference, CancellationToken ct = default)
    {
        var period = _setup.Configuration.CyclePeriod;
        var k = InferenceCount.For(estimatedSecondsPerInference, period);
        PowerMeasurement? last = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var report = await burst.RunAsync(k, IgnoredMarks.Instance, ct);
            last = MeasureBurst(report, k, ct);
            if (!last.Result.Measured || last.Result.Samples >= InferenceCount.MinimumWindowSamples) return last;
            k = InferenceCount.Rescale(k, last.Result.Samples ?? 0);
        }
        return last!;
    }

    /// <summary>Idle long enough for the idle figure's 200+ samples, the window, then two cycles of tail.</summary>
    public PowerMeasurement MeasureBurst(BurstReport report, int inferences, CancellationToken ct = default)
    {
        var period = _setup.Configuration.CyclePeriod.TotalSeconds;
        var idle = InferenceCount.WindowPeriods * period;
        return MeasureTimeline(_model.Burst(report, inferences, idle, 3 * period), inferences, ct);
    }

    public PowerMeasurement MeasureTimeline(ActivityTimeline timeline, int inferences, CancellationToken ct = default)
    {
        try
        {
            var readings = Sample(timeline, ct);
            long Stamp(double s) => (long)Math.Round(s * TimeSpan.TicksPerSecond);
            var (start, stop) = timeline.MarkedWindow()
                ?? throw new ArgumentException("the activity timeline marks no window", nameof(timeline));
            var measurement = PowerWindowAnalysis.Analyse(readings,
                new PowerWindow(Stamp(timeline.StartSeconds), Stamp(start)),
                new PowerWindow(Stamp(start), Stamp(stop)),
                inferences, _setup.Configuration.CyclePeriod, TimeSpan.TicksPerSecond, Description);
            var truth = timeline.EnergyJoules(start, stop) / inferences * 1e6;
            return measurement with { Result = measurement.Result with { TruthEnergyPerInferenceUj = truth } };
        }
        catch (Ina219Exception e)
        {
            return PowerMeasurement.NotMeasured(e.Message);
        }
    }

    /// <summary>
    /// Runs the real driver and sampler over a virtual INA219 fed by <paramref name="timeline"/> until the
    /// timeline ends. Timestamps are <see cref="VirtualClock"/> ticks (10 MHz) from the timeline's zero.
    /// </summary>
    public List<PowerReading> Sample(ActivityTimeline timeline, CancellationToken ct = default)
    {
        var clock = new VirtualClock();
        var chip = new VirtualIna219(clock, timeline, new VirtualIna219Options
        {
            BusId = _setup.Bus, Address = _setup.Address, ShuntOhms = _setup.Calibration.ShuntOhms,
            I2cBusHz = _i2cBusHz, AdvanceClock = clock.Advance,
        });
        using var device = new Ina219Device(chip, _setup.BoardName, clock);
        _setup.Apply(device);
        var sampler = new PowerSampler(device, new TimelineMarker(timeline, clock));
        var readings = new List<PowerReading>();
        sampler.SampleUntil((long)Math.Round(timeline.EndSeconds * clock.TimestampFrequency), readings, ct);
        return readings;
    }

    public void Dispose() { }

    private sealed class IgnoredMarks : IWindowMarks
    {
        public static readonly IgnoredMarks Instance = new();
        public void Start() { }
        public void Stop() { }
    }
}
