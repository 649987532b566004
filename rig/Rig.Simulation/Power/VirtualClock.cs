namespace Rig.Simulation.Power;

/// <summary>
/// A clock that only moves when told to (the virtual INA219 moves it by each transfer's bus time), so
/// virtual power measurements run as fast as the host can compute them. Ticks are 100 ns.
/// Timers are not supported: nothing waits on this clock, everything is driven by bus traffic.
/// </summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks;

    public VirtualClock() : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)) { }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    public override long GetTimestamp() => Interlocked.Read(ref _ticks);
    public override DateTimeOffset GetUtcNow() => start.AddTicks(GetTimestamp());

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), by, "time only goes forward");
        Interlocked.Add(ref _ticks, by.Ticks);
    }

    public double Seconds => GetTimestamp() / (double)TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("VirtualClock has no timers: it advances only with simulated bus traffic");
}
