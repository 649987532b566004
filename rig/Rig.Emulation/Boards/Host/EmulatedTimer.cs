namespace Rig.Emulation.Boards.Host;

/// <summary>
/// A timer on emulated time: due at a core cycle; the board fires it once the core has run that far (a link read
/// that ran past it, or the board's timer pump, which runs the core up to it when nobody else does).
/// </summary>
internal sealed class EmulatedTimer(EmulatedBoard board, TimerCallback callback, object? state) : ITimer
{
    /// <summary>Core cycle it fires at; <see cref="ulong.MaxValue"/> when not armed.</summary>
    internal ulong DueCycle { get; private set; } = ulong.MaxValue;

    readonly object gate = new();
    ulong periodCycles;
    bool disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (gate)
        {
            if (disposed) return false;
            periodCycles = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : Math.Max(1, board.CyclesOf(period));
            DueCycle = dueTime == Timeout.InfiniteTimeSpan ? ulong.MaxValue : board.Cycles + board.CyclesOf(dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime);
        }
        board.Schedule(this);
        return true;
    }

    /// <summary>Fires when due at <paramref name="now"/> (re-arms a periodic timer); true when it fired.</summary>
    internal bool FireIfDue(ulong now)
    {
        lock (gate)
        {
            if (disposed || DueCycle > now) return false;
            DueCycle = periodCycles == 0 ? ulong.MaxValue : DueCycle + periodCycles;
        }
        callback(state);
        return true;
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            DueCycle = ulong.MaxValue;
        }
        board.Unschedule(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
