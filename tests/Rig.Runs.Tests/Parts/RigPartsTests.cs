using Rig.Core.Profiles;
using Rig.Hardware.Power;
using Rig.Runs.Parts;

namespace Rig.Runs.Tests.Parts;

/// <summary>The composition root on a host without the board's bench: power is "not measured" with the reason, never a failure.</summary>
public class RigPartsTests
{
    [Fact]
    public async Task A_board_without_a_power_monitor_completes_and_says_power_was_not_measured()
    {
        // Bus 254 does not exist on any host we run on: the hardware monitor must come back not-measured,
        // naming board, bus and address.
        var shipped = ProfileCatalog.Load("py32f003");
        var profile = shipped with { Power = shipped.Power with { Ina219 = shipped.Power.Ina219! with { Bus = 254 } } };
        using var monitor = RigParts.PowerMonitor(profile, virtualBoard: false, TimeProvider.System);
        Assert.False(monitor.IsAvailable);
        var m = await monitor.MeasureAsync(new ReplayedBurst(1000, 1e6), 0.001);
        Assert.False(m.Result.Measured);
        Assert.Contains("board py32f003", m.Result.Reason);
        Assert.Contains("0x40", m.Result.Reason);
        Assert.Contains("/dev/i2c-254", m.Result.Reason);
        Assert.Empty(m.Trace);
    }

    [Fact]
    public async Task A_profile_without_an_ina219_is_not_measured_on_hardware()
    {
        var shipped = ProfileCatalog.Load("rp2040");
        var profile = shipped with { Power = shipped.Power with { Ina219 = null } };
        using var monitor = RigParts.PowerMonitor(profile, virtualBoard: false, TimeProvider.System);
        var m = await monitor.MeasureAsync(new ReplayedBurst(1000, 1e6), 0.001);
        Assert.False(m.Result.Measured);
        Assert.Contains("power.ina219 is not set", m.Result.Reason);
    }
}
