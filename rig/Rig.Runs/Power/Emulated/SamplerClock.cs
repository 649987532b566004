namespace Rig.Runs.Power.Emulated;

/// <summary>
/// The INA219 sampler's own clock on an emulated board: core cycles (the same scale as the board's clock, so its
/// readings line up with marker edges and message marks), moved on only by the bus time of each I2C transfer. The
/// sampler thus reads every conversion at the instant the wire allows, whatever the host's load, reading the board's
/// recorded history (<see cref="EmulatedPowerInputs"/>): its readings are the same in every run.
/// </summary>
public sealed class SamplerClock(long frequency, long start) : TimeProvider
{
    private readonly object _gate = new();
    private long _now = start;

    public override long TimestampFrequency => frequency;

    public override long GetTimestamp()
    {
        lock (_gate) return _now;
    }

    public void Advance(TimeSpan span)
    {
        if (span <= TimeSpan.Zero) return;
        lock (_gate)
        {
            _now += (long)Math.Ceiling(span.TotalSeconds * frequency);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits (bounded, host time) until the sampler has read up to <paramref name="stamp"/>; false when it did not in time.</summary>
    public bool WaitFor(long stamp, TimeSpan limit)
    {
        var deadline = Environment.TickCount64 + (long)limit.TotalMilliseconds;
        lock (_gate)
        {
            while (_now < stamp)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0) return false;
                Monitor.Wait(_gate, TimeSpan.FromMilliseconds(Math.Min(left, 50)));
            }
            return true;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("the sampler's clock has no timers: it moves with the bus traffic");
}
