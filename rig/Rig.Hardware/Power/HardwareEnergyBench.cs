using Rig.Core.Seams;
using System.Device.Gpio;
using System.Device.I2c;
using Rig.Core.Profiles;
using Rig.Hardware.Ina219;

namespace Rig.Hardware.Power;

/// <summary>
/// A real board's bench from its profile: the INA219 on /dev/i2c-N at power.ina219, and the marker pin on the
/// rig host's GPIO when power.marker_gpio says it is wired. Returns the reason instead when there is none.
/// </summary>
public static class HardwareEnergyBench
{
    public static EnergyBench? Create(BoardProfile profile, TimeProvider time, out string? reason)
    {
        reason = null;
        if (profile.Power.Ina219 is null)
        {
            reason = $"board {profile.Name}: {profile.SourceFile}: power.ina219 is not set, so there is no current monitor to read";
            return null;
        }
        Ina219Setup setup;
        try
        {
            setup = Ina219Setup.FromProfile(profile);
        }
        catch (Ina219Exception e)
        {
            reason = e.Message;
            return null;
        }
        var devicePath = $"/dev/i2c-{setup.Bus}";
        if (!File.Exists(devicePath))
        {
            reason = $"{setup.Where}: {devicePath} does not exist (no I2C bus on this host; use a virtual board, or enable I2C)";
            return null;
        }
        I2cDevice? i2c = null;
        IMarkerInput? marker = null;
        try
        {
            i2c = I2cDevice.Create(new I2cConnectionSettings(setup.Bus, setup.Address));
            if (profile.Power.MarkerGpio is { } pin) marker = new GpioMarkerInput(new GpioController(), pin, time);
            var description = $"INA219 i2c-{setup.Bus} 0x{setup.Address:X2}" + (marker is null ? " (windows from messages)" : $" (marker on GPIO {profile.Power.MarkerGpio})");
            return new EnergyBench(new Ina219Device(i2c, profile.Name, time), setup, marker, time, description, null, profile.Power.MarkerGpio);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException or InvalidOperationException or ArgumentException)
        {
            marker?.Dispose();
            i2c?.Dispose();
            reason = $"{setup.Where}: cannot open: {e.Message}";
            return null;
        }
    }
}
