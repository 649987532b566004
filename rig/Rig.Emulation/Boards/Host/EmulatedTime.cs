namespace Rig.Emulation.Boards.Host;

/// <summary>
/// The emulated board's clock for the host side of its session: timestamps are the core's cycle counter at the
/// profile's clock, so every wait of the session (frame timeouts, retry delays, request deadlines) is measured in
/// emulated time and a run is a deterministic function of the image and the host's bytes. Emulated time moves only
/// while the core runs: a link read runs it for its timeout, and a timer (a retry delay, Task.Delay) runs it up to
/// its due time, as the board keeps running while the host waits. Wall time (clip wall seconds, run timing) stays
/// on the system clock.
/// </summary>
public sealed class EmulatedTime : TimeProvider
{
    /// <summary>What <see cref="GetUtcNow"/> counts from: emulated time has no calendar.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    readonly EmulatedBoard board;

    internal EmulatedTime(EmulatedBoard board) => this.board = board;

    public override long TimestampFrequency => board.ClockHz;

    public override long GetTimestamp() => (long)board.Cycles;

    public override DateTimeOffset GetUtcNow() => Epoch.AddTicks((long)((double)board.Cycles / board.ClockHz * TimeSpan.TicksPerSecond));

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new EmulatedTimer(board, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }
}
