using System.Device.I2c;
using System.Device.Gpio;
using Rig.Core.Profiles;
using Rig.Hardware.Ina219;
using Rig.Hardware.Power;

namespace Rig.Simulation.Power;

/// <summary>
/// Picks the power monitor for a run: the virtual INA219 for a virtual board, the real one on
/// /dev/i2c-N otherwise, and a not-measured monitor (with the reason) when there is nothing to read.
/// </summary>
public static class PowerMonitorFactory
{
    /// <summary>Used for virtual boards whose profile names no INA219: 0x40 on bus 1, 1 ohm, 100 mA.</summary>
    public static readonly Ina219Section DefaultVirtualIna219 = new(1, 0x40, 1.0, 0.1);

    public static IPowerMonitor Create(BoardProfile profile, bool virtualBoard, TimeProvider timeProvider, double i2cBusHz = 400_000)
    {
        try
        {
            if (virtualBoard)
            {
                var setup = Ina219Setup.Create(profile.Name, profile.Power.Ina219 ?? DefaultVirtualIna219, profile.Power.SupplyVolts);
                return new VirtualPowerMonitor(BoardPowerModel.FromProfile(profile), setup, i2cBusHz);
            }
            return CreateHardware(profile, timeProvider);
        }
        catch (Ina219Exception e)
        {
            return new NotMeasuredPowerMonitor(e.Message);
        }
    }

    private static IPowerMonitor CreateHardware(BoardProfile profile, TimeProvider time)
    {
        if (profile.Power.Ina219 is null)
            return new NotMeasuredPowerMonitor($"board {profile.Name}: {profile.SourceFile}: power.ina219 is not set, so there is no current monitor to read");
        var setup = Ina219Setup.FromProfile(profile);
        var devicePath = $"/dev/i2c-{setup.Bus}";
        if (!File.Exists(devicePath))
            return new NotMeasuredPowerMonitor($"{setup.Where}: {devicePath} does not exist (no I2C bus on this host; use a virtual board, or enable I2C)");
        I2cDevice? i2c = null;
        IMarkerInput? marker = null;
        try
        {
            i2c = I2cDevice.Create(new I2cConnectionSettings(setup.Bus, setup.Address));
            if (profile.Power.MarkerGpio is { } pin) marker = new GpioMarkerInput(new GpioController(), pin, time);
            return new Ina219PowerMonitor(new Ina219Device(i2c, profile.Name, time), setup, marker, time);
        }
        catch (Exception e) when (e is Ina219Exception or IOException or UnauthorizedAccessException or PlatformNotSupportedException or InvalidOperationException or ArgumentException)
        {
            marker?.Dispose();
            i2c?.Dispose();
            return new NotMeasuredPowerMonitor(e is Ina219Exception ? e.Message : $"{setup.Where}: cannot open: {e.Message}");
        }
    }
}
