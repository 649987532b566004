using Rig.Core.Seams;
using Rig.Core.Profiles;
using Rig.Hardware.Power;
using Rig.Simulation.Power;

namespace Rig.Simulation.Tests.Power;

public class BoardPowerModelTests
{
    [Fact]
    public void Run_current_follows_the_profile_clock_and_figures()
    {
        var p = ProfileCatalog.Load("py32f003");
        var m = BoardPowerModel.FromProfile(p);
        var expectedMicroamps = p.Power.BaseRunMicroamps + p.Power.RunMicroampsPerMhz * p.Board.ClockHz / 1e6;
        Assert.Equal(expectedMicroamps * 1e-6, m.RunAmps, 12);
        Assert.Equal(p.Power.SleepMicroamps * 1e-6, m.SleepAmps, 12);
        Assert.Equal(p.Power.SupplyVolts * m.RunAmps, m.RunWatts, 12);
    }

    [Fact]
    public void A_burst_timeline_marks_exactly_the_k_inferences()
    {
        var m = new BoardPowerModel("b", 3.0, 0.004, 0.000002);
        var t = m.Burst(new BurstReport([1000, 3000], 1e6), 5, idleSeconds: 0.1, tailSeconds: 0.01);
        var (start, stop) = t.MarkedWindow()!.Value;
        Assert.Equal(0.1, start, 12);
        Assert.Equal(0.1 + 0.001 + 0.003 + 0.001 + 0.003 + 0.001, stop, 12);
        Assert.Equal(3.0 * 0.004 * (stop - start), t.EnergyJoules(start, stop), 15);
        Assert.Equal(0.000002, t.MeanCurrentAmps(0, 0.1), 15);
        Assert.Equal((0.004 * 0.009 + 0.000002 * 0.001) / 0.01, t.MeanCurrentAmps(0.099, 0.109), 12);
    }

    [Fact]
    public void A_periodic_timeline_ends_at_the_requested_time_and_is_gapless()
    {
        var m = new BoardPowerModel("b", 3.3, 0.01, 0.0);
        var t = m.Periodic(0.128, 0.032, 2.0);
        Assert.Equal(2.0, t.EndSeconds);
        // 15 whole periods (1.92 s) then 32 ms of the 16th active: 16 x 32 ms at 10 mA.
        Assert.Equal(3.3 * 0.01 * 16 * 0.032, t.EnergyJoules(0, 2.0), 12);
    }
}
