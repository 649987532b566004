using Rig.Emulation.Boards;

namespace Rig.Runs.Power.Emulated;

/// <summary>
/// The bench's clock on an emulated board: the board's own (core cycles), whose waits also let the INA219 sampler
/// read up to their due time once a window series runs, so the readings of a window are in before the host cuts it.
/// </summary>
public sealed class EmulatedBenchTime(EmulatedBoard board, SamplerClock sampler, EmulatedMarkerInput marker) : TimeProvider
{
    /// <summary>Longest a wait holds for the sampler (host time).</summary>
    private static readonly TimeSpan SamplerLimit = TimeSpan.FromSeconds(30);

    public override long TimestampFrequency => board.Time.TimestampFrequency;

    public override long GetTimestamp() => board.Time.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => board.Time.GetUtcNow();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var due = (long)(board.Cycles + board.CyclesOf(dueTime));
        return board.Time.CreateTimer(s =>
        {
            if (marker.SeriesRunning) sampler.WaitFor(due, SamplerLimit);
            callback(s);
        }, state, dueTime, period);
    }
}
