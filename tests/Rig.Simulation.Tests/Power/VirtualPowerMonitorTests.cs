using Rig.Core.Seams;
using Rig.Core.Profiles;
using Rig.Hardware.Power;
using Rig.Simulation.Power;

namespace Rig.Simulation.Tests.Power;

/// <summary>The virtual monitor measures through the real driver and sampler; its figures must follow the work reported.</summary>
public class VirtualPowerMonitorTests
{
    private static VirtualPowerMonitor Monitor(string profile) =>
        VirtualPowerMonitor.ForProfile(ProfileCatalog.Load(profile));

    [Fact]
    public void Measured_energy_per_inference_follows_the_cycles_per_inference()
    {
        using var monitor = Monitor("rp2040");
        var hz = ProfileCatalog.Load("rp2040").Board.ClockHz;
        var small = monitor.MeasureBurst(new BurstReport([400_000], hz), 60).Result;
        var large = monitor.MeasureBurst(new BurstReport([1_600_000], hz), 60).Result;
        Assert.True(small.Measured && large.Measured, small.Reason + large.Reason);
        Assert.Equal(4.0, large.EnergyPerInferenceUj!.Value / small.EnergyPerInferenceUj!.Value, 0.08);
        Assert.Equal(monitor.Model.RunWatts * 400_000 / hz * 1e6, small.TruthEnergyPerInferenceUj!.Value, 1e-6);
        // Power while running does not depend on how long an inference takes; only energy does.
        Assert.Equal(small.ActivePowerMw!.Value, large.ActivePowerMw!.Value, small.ActivePowerMw!.Value * 0.02);
        Assert.Equal(monitor.Model.RunWatts * 1e3, large.ActivePowerMw!.Value, large.ActivePowerMw!.Value * 0.02);
    }

    [Fact]
    public void A_timeline_that_marks_no_window_is_an_error_not_a_figure() =>
        Assert.Throws<ArgumentException>(() => Monitor("py32f003").MeasureTimeline(new ActivityTimeline([new(0, 0.5, 0.001, false)], 3.3), 1));

    [Fact]
    public void A_virtual_board_whose_profile_names_no_ina219_gets_the_default_virtual_one()
    {
        var shipped = ProfileCatalog.Load("nrf52840");
        using var monitor = VirtualPowerMonitor.ForProfile(shipped with { Power = shipped.Power with { Ina219 = null } });
        Assert.Equal(VirtualPowerMonitor.DefaultIna219.Address, monitor.Setup.Address);
        Assert.Contains("virtual INA219 0x40", monitor.Description);
    }
}
