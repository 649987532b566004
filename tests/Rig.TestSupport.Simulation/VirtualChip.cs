using Microsoft.Extensions.Time.Testing;
using Rig.Hardware.Ina219;
using Rig.Simulation.Ina219;

namespace Rig.TestSupport.Simulation;

/// <summary>A virtual INA219 on a FakeTimeProvider plus the driver over it.</summary>
public sealed class VirtualChip : IDisposable
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public SteadyInputs Inputs { get; }
    public VirtualIna219 Chip { get; }
    public Ina219Device Device { get; }

    /// <param name="busHz">0: transfers take no time (the test moves the clock); else each transfer advances it.</param>
    public VirtualChip(double currentAmps = 0, double busVolts = 3.3, double shuntOhms = 0.1, double busHz = 0,
        int address = 0x40, bool present = true, string board = "testboard")
    {
        Inputs = new SteadyInputs(currentAmps, busVolts);
        Chip = new VirtualIna219(Clock, Inputs, new VirtualIna219Options
        {
            Address = address, ShuntOhms = shuntOhms, I2cBusHz = busHz, AdvanceClock = Clock.Advance, Present = present,
        });
        Device = new Ina219Device(Chip, board, Clock);
    }

    /// <summary>Configure, calibrate and wait out one full conversion cycle.</summary>
    public void Start(Ina219Configuration config, Ina219Calibration cal)
    {
        Device.Configure(config);
        Device.Calibrate(cal);
        Clock.Advance(config.CyclePeriod);
    }

    public void Dispose() => Device.Dispose();
}
