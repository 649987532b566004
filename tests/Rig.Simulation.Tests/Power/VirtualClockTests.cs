using Rig.Simulation.Power;

namespace Rig.Simulation.Tests.Power;

public class VirtualClockTests
{
    [Fact]
    public void The_clock_moves_only_forward_and_only_when_told()
    {
        var start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new VirtualClock(start);
        Assert.Equal(0, clock.GetTimestamp());
        clock.Advance(TimeSpan.FromMilliseconds(1.5));
        Assert.Equal(15_000, clock.GetTimestamp());
        Assert.Equal(0.0015, clock.Seconds, 12);
        Assert.Equal(start.AddMilliseconds(1.5), clock.GetUtcNow());
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromTicks(-1)));
        Assert.Equal(15_000, clock.GetTimestamp());
    }

    [Fact]
    public void Timers_are_refused_because_nothing_would_ever_fire_them()
    {
        var clock = new VirtualClock();
        Assert.Throws<NotSupportedException>(() => clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void The_timeline_marker_reads_high_exactly_inside_the_window()
    {
        var timeline = new ActivityTimeline([new(0, 0.010, 0.001, false), new(0.010, 0.030, 0.01, true), new(0.030, 0.040, 0.001, false)], 3.3);
        var clock = new VirtualClock();
        using var marker = new TimelineMarker(timeline, clock);
        Assert.False(marker.Read());
        clock.Advance(TimeSpan.FromMilliseconds(10));
        Assert.True(marker.Read());
        clock.Advance(TimeSpan.FromMilliseconds(20));
        Assert.False(marker.Read());
        Assert.Equal((100_000L, 300_000L), marker.Window);
    }
}
