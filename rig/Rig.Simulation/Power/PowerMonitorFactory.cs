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
        var bench = HardwareEnergyBench.Create(profile, time, out var reason);
        if (bench is null) return new NotMeasuredPowerMonitor(reason!);
        try
        {
            return new Ina219PowerMonitor(bench.Device, bench.Setup, bench.Marker, time);
        }
        catch (Ina219Exception e)
        {
            bench.Dispose();
            return new NotMeasuredPowerMonitor(e.Message);
        }
    }
}
