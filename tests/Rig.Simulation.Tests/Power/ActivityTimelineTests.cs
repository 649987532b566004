using Rig.Core.Seams;
using Rig.Hardware.Power;
using Rig.Simulation.Power;

namespace Rig.Simulation.Tests.Power;

public class ActivityTimelineTests
{
    private static readonly BoardPowerModel Model = new("b", 3.3, 0.005, 0.00001);

    [Fact]
    public void Burst_energy_follows_the_cycles_of_each_inference()
    {
        long[] cycles = [120_000, 480_000, 240_000];
        const double hz = 24e6;
        const int k = 7;
        var t = Model.Burst(new BurstReport(cycles, hz), k, idleSeconds: 0.05, tailSeconds: 0.002);
        var (start, stop) = t.MarkedWindow()!.Value;
        // Inference i runs cycles[i mod 3] / hz: 120k, 480k, 240k, 120k, 480k, 240k, 120k cycles.
        var seconds = (3 * 120_000 + 2 * 480_000 + 2 * 240_000) / hz;
        Assert.Equal(seconds, stop - start, 12);
        Assert.Equal(Model.RunWatts * seconds, t.EnergyJoules(start, stop), 15);

        var doubled = Model.Burst(new BurstReport(cycles.Select(c => 2 * c).ToArray(), hz), k, 0.05, 0.002);
        var (s2, e2) = doubled.MarkedWindow()!.Value;
        Assert.Equal(2 * t.EnergyJoules(start, stop), doubled.EnergyJoules(s2, e2), 15);
        Assert.Equal(t.EnergyJoules(0, start), doubled.EnergyJoules(0, s2), 15); // idle before the window is the same
        Assert.Equal(0.05 + 2 * seconds + 0.002, doubled.EndSeconds, 12);
    }

    [Fact]
    public void A_faster_clock_runs_the_same_work_in_less_time_and_energy_at_one_current()
    {
        var work = new BurstReport([1_000_000], 1e6);
        var slow = Model.Burst(work, 4, 0.01, 0.01);
        var fast = Model.Burst(work with { CyclesHz = 4e6 }, 4, 0.01, 0.01);
        var (a, b) = slow.MarkedWindow()!.Value;
        var (c, d) = fast.MarkedWindow()!.Value;
        Assert.Equal(4.0, b - a, 12);
        Assert.Equal(1.0, d - c, 12);
        Assert.Equal(slow.EnergyJoules(a, b) / 4, fast.EnergyJoules(c, d), 15);
    }

    [Fact]
    public void Charge_is_exact_inside_segments_and_constant_beyond_the_ends()
    {
        var t = new ActivityTimeline([new(1.0, 2.0, 0.010, false), new(2.0, 2.5, 0.002, true)], 3.0);
        Assert.Equal(0, t.ChargeUntil(0.5));
        Assert.Equal(0.005, t.ChargeUntil(1.5), 15);
        Assert.Equal(0.010 + 0.002 * 0.25, t.ChargeUntil(2.25), 15);
        Assert.Equal(0.011, t.ChargeUntil(9.0), 15);
        Assert.Equal((0.010 * 0.5 + 0.002 * 0.5) / 1.0, t.MeanCurrentAmps(1.5, 2.5), 15);
        Assert.Equal(3.0 * 0.011, t.EnergyJoules(0, 10), 15);
        Assert.False(t.MarkerAt(1.99));
        Assert.True(t.MarkerAt(2.0));
        Assert.False(t.MarkerAt(2.5));
        Assert.Equal((2.0, 2.5), t.MarkedWindow());
    }

    [Fact]
    public void Timelines_with_gaps_empty_segments_or_nothing_are_refused()
    {
        Assert.Contains("does not start where", Assert.Throws<ArgumentException>(() =>
            new ActivityTimeline([new(0, 1, 0.01, false), new(1.5, 2, 0.01, false)], 3.3)).Message);
        Assert.Contains("no length", Assert.Throws<ArgumentException>(() =>
            new ActivityTimeline([new(0, 1, 0.01, false), new(1, 1, 0.01, false)], 3.3)).Message);
        Assert.Throws<ArgumentException>(() => new ActivityTimeline([], 3.3));
        Assert.Null(new ActivityTimeline([new(0, 1, 0.01, false)], 3.3).MarkedWindow());
    }

    [Fact]
    public void Bursts_and_periodic_timelines_refuse_impossible_shapes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.Burst(new BurstReport([1000], 1e6), 0, 0.1, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.Periodic(0.1, 0.1, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Model.Periodic(0.1, 0, 1.0));
    }
}
