using Rig.Core.Runs;
using Rig.Runs.Link;

namespace Rig.Runs.Orchestration;

/// <summary>
/// What one clip cost on one board: host wall time and bytes each way. Stored with the clip, so a run
/// resumed after being killed still knows what its earlier sessions took.
/// </summary>
internal readonly struct ClipCost
{
    private readonly BoardLink _link;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly long _sent;
    private readonly long _received;

    private ClipCost(BoardLink link, TimeProvider time)
    {
        _link = link;
        _time = time;
        _start = time.GetTimestamp();
        _sent = link.BytesSent;
        _received = link.BytesReceived;
    }

    public static ClipCost Start(BoardLink link, TimeProvider time) => new(link, time);

    public ClipResult Charge(ClipResult clip) => clip with
    {
        WallSeconds = _time.GetElapsedTime(_start).TotalSeconds,
        BytesSent = _link.BytesSent - _sent,
        BytesReceived = _link.BytesReceived - _received,
    };
}
