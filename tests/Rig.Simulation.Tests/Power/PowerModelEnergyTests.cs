using Rig.Core.Seams;
using CsCheck;
using Rig.Core.Profiles;
using Rig.Hardware.Power;
using Rig.Simulation.Power;

namespace Rig.Simulation.Tests.Power;

/// <summary>The power model's energy follows the board's reported cycles: time at run current is cycles / clock.</summary>
public class PowerModelEnergyTests
{
    [Fact]
    public void Window_energy_is_run_power_times_the_cycles_of_the_k_inferences_over_the_clock()
    {
        Gen.Select(Gen.Long[1_000, 20_000_000].Array[1, 8], Gen.Double[1e6, 2e8], Gen.Int[1, 60], Gen.Double[0.5e-3, 20e-3])
            .Sample((cycles, hz, k, runAmps) =>
            {
                var model = new BoardPowerModel("b", 3.3, runAmps, 2e-6);
                var timeline = model.Burst(new BurstReport(cycles, hz), k, idleSeconds: 0.05, tailSeconds: 0.01);
                var (start, stop) = timeline.MarkedWindow()!.Value;
                var seconds = Enumerable.Range(0, k).Sum(i => cycles[i % cycles.Length] / hz);
                var expected = model.RunWatts * seconds;
                var window = timeline.EnergyJoules(start, stop);
                var outside = timeline.EnergyJoules(timeline.StartSeconds, start) + timeline.EnergyJoules(stop, timeline.EndSeconds);
                return Math.Abs(window - expected) <= expected * 1e-9
                    && Math.Abs(outside - model.SleepWatts * 0.06) <= 1e-15
                    && Math.Abs(stop - start - seconds) <= 1e-12;
            }, iter: 500);
    }

    [Fact]
    public void Twice_the_cycles_cost_twice_the_energy_and_a_faster_clock_costs_more_power_but_less_time()
    {
        var profile = ProfileCatalog.Load("stm32l4");
        var model = BoardPowerModel.FromProfile(profile);
        double Energy(BoardPowerModel m, long cycles, double hz)
        {
            var t = m.Burst(new BurstReport([cycles], hz), 10, 0.01, 0.01);
            var (a, b) = t.MarkedWindow()!.Value;
            return t.EnergyJoules(a, b);
        }
        var hz = profile.Board.ClockHz;
        Assert.Equal(2 * Energy(model, 100_000, hz), Energy(model, 200_000, hz), 1e-15);

        var fast = BoardPowerModel.FromProfile(profile with { Board = profile.Board with { ClockHz = hz * 2 } });
        Assert.True(fast.RunAmps > model.RunAmps);
        // Same work at twice the clock: run current grows by run_ua_per_mhz x MHz only, time halves.
        var ratio = Energy(fast, 100_000, hz * 2) / Energy(model, 100_000, hz);
        Assert.Equal(fast.RunAmps / model.RunAmps / 2, ratio, 12);
    }

    [Fact]
    public void Timelines_refuse_gaps_empty_segments_and_no_segments()
    {
        Assert.Throws<ArgumentException>(() => new ActivityTimeline([], 3.3));
        Assert.Contains("no length", Assert.Throws<ArgumentException>(() => new ActivityTimeline([new(0, 0, 0.01, false)], 3.3)).Message);
        Assert.Contains("does not start where", Assert.Throws<ArgumentException>(() =>
            new ActivityTimeline([new(0, 1, 0.01, false), new(1.5, 2, 0.01, true)], 3.3)).Message);
    }

    [Fact]
    public void Charge_is_exact_inside_segments_and_constant_beyond_the_ends()
    {
        var t = new ActivityTimeline([new(1, 2, 0.010, false), new(2, 2.5, 0.002, true)], 3.0);
        Assert.Equal(0, t.ChargeUntil(0.5));
        Assert.Equal(0.005, t.ChargeUntil(1.5), 15);
        Assert.Equal(0.010 + 0.001, t.ChargeUntil(2.5), 15);
        Assert.Equal(t.ChargeUntil(2.5), t.ChargeUntil(9), 15);
        Assert.Equal((0.010 * 0.5 + 0.002 * 0.25) / 0.75, t.MeanCurrentAmps(1.5, 2.25), 15);
        Assert.Equal(0.002, t.MeanCurrentAmps(2.2, 2.2), 15);          // zero-length: the current at that instant
        Assert.True(t.MarkerAt(2.0));
        Assert.False(t.MarkerAt(1.99));
        Assert.False(t.MarkerAt(2.5));                                  // the end is outside
        Assert.Equal((2.0, 2.5), t.MarkedWindow());
        Assert.Equal(3.0, t.MeanBusVolts(0, 1));
    }

    [Fact]
    public void The_virtual_clock_moves_only_forward_and_only_when_told()
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, clock.GetTimestamp());
        clock.Advance(TimeSpan.FromMilliseconds(1.5));
        Assert.Equal(0.0015, clock.Seconds, 12);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(15_000), clock.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
        Assert.Throws<NotSupportedException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.Zero));
    }

    [Fact]
    public void The_marker_pin_follows_the_timeline_on_the_clock()
    {
        var clock = new VirtualClock();
        var t = new ActivityTimeline([new(0, 0.001, 0, false), new(0.001, 0.003, 0.01, true), new(0.003, 0.004, 0, false)], 3.3);
        using var marker = new TimelineMarker(t, clock);
        Assert.False(marker.Read());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(marker.Read());
        clock.Advance(TimeSpan.FromMilliseconds(2));
        Assert.False(marker.Read());
        Assert.Equal((10_000L, 30_000L), marker.Window);
    }

    [Fact]
    public void Sampling_a_two_level_timeline_reads_each_level_through_the_real_driver()
    {
        var model = new BoardPowerModel("b", 3.3, 0.020, 0.005);
        var setup = Ina219Setup.Create("b", new Ina219Section(1, 0x40, 1.0, 0.05), 3.3);
        var monitor = new VirtualPowerMonitor(model, setup);
        var timeline = new ActivityTimeline([new(0, 0.05, 0.005, false), new(0.05, 0.1, 0.020, true)], 3.3);
        var readings = monitor.Sample(timeline);
        var period = setup.Configuration.CyclePeriod.TotalSeconds;
        Assert.InRange(readings.Count, 0.1 / period * 0.8, 0.1 / period * 1.05);
        var lsb = setup.Calibration.CurrentLsbAmps;
        // Conversions wholly inside one level read that level to an LSB (plus the 10 uV shunt step over 1 ohm).
        foreach (var r in readings.Where(r => r.Timestamp / 1e7 < 0.05 - period))
            Assert.InRange(r.Sample.CurrentAmps, 0.005 - lsb - 1e-5, 0.005 + lsb + 1e-5);
        foreach (var r in readings.Where(r => r.Timestamp / 1e7 > 0.05 + 2 * period))
            Assert.InRange(r.Sample.CurrentAmps, 0.020 - lsb - 1e-5, 0.020 + lsb + 1e-5);
        Assert.All(readings, r => Assert.InRange(r.Sample.BusVolts, 3.296, 3.304));
        Assert.Contains(readings, r => r.Marker);
        Assert.Contains(readings, r => !r.Marker);
    }

    [Fact]
    public void A_timeline_without_a_marked_window_cannot_be_measured()
    {
        var model = new BoardPowerModel("b", 3.3, 0.020, 0.005);
        var monitor = new VirtualPowerMonitor(model, Ina219Setup.Create("b", new Ina219Section(1, 0x40, 1.0, 0.05), 3.3));
        var timeline = new ActivityTimeline([new(0, 0.02, 0.005, false)], 3.3);
        Assert.Contains("marks no window", Assert.Throws<ArgumentException>(() => monitor.MeasureTimeline(timeline, 1)).Message);
    }
}
