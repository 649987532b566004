namespace Rig.Runs.Link;

/// <summary>
/// The per-frame timeout of frame recovery (PROTOCOL.md, "Per-frame timeout"): the wire time of the
/// bytes that must cross before the awaited answer can arrive (10 bit times per byte at the
/// profile's baud, both directions added up), times <see cref="Factor"/> for the host's serial
/// stack and the board's own work, plus <see cref="Floor"/> for scheduling latency. Milliseconds,
/// not seconds: a timeout that fires early costs a harmless duplicate, one that fires late stalls the wire.
/// </summary>
public static class WireTimeout
{
    public const double Factor = 4;
    public static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(50);

    public static TimeSpan For(long bytesToBoard, long bytesToHost, int baud)
    {
        if (baud <= 0) throw new ArgumentOutOfRangeException(nameof(baud), $"baud {baud} must be positive");
        return Floor + TimeSpan.FromSeconds(Factor * (bytesToBoard + bytesToHost) * 10.0 / baud);
    }
}
