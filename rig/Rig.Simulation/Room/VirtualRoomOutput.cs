using Rig.Core.Seams;

namespace Rig.Simulation.Room;

/// <summary>
/// The virtual room behind the same seam as the real speaker: playing a clip sends it through the
/// room and hands what the board's ADC captured to <c>onCaptured</c> (typically the virtual board's
/// sample feed). Samples must already be at the board's rate.
/// </summary>
public sealed class VirtualRoomOutput : IAudioOutput
{
    private readonly VirtualRoom _room;
    private readonly Action<short[]> _onCaptured;

    public VirtualRoomOutput(VirtualRoom room, Action<short[]> onCaptured)
    {
        _room = room ?? throw new ArgumentNullException(nameof(room));
        _onCaptured = onCaptured ?? throw new ArgumentNullException(nameof(onCaptured));
    }

    public string Name => "virtual-room";
    public int SampleRate => _room.SampleRate;

    public void Play(ReadOnlySpan<float> samples, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _onCaptured(_room.Capture(samples));
    }

    /// <summary>Nothing is buffered: each Play has already been delivered.</summary>
    public void Drain() { }

    public void Dispose() { }
}
