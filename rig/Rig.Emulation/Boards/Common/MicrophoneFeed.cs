using System.Collections.Concurrent;

namespace Rig.Emulation.Boards.Common;

/// <summary>
/// The sound at the board's microphone as Q15 samples, one per conversion of the port's capture path: the rig writes
/// (any thread), the chip's ADC/PDM model takes one sample per conversion in emulated time. With nothing written the
/// microphone hears silence, as a board in a quiet room does (its ADC samples from boot on, long before a clip plays),
/// so a conversion never waits on the host. The rig writes a clip while the core stands still, right before it starts
/// the board's capture, so a run stays a deterministic function of the image and the host's bytes.
/// </summary>
public sealed class MicrophoneFeed
{
    readonly ConcurrentQueue<short[]> blocks = new();
    short[] current = [];
    int at;
    volatile bool completed;

    /// <summary>Conversions so far (silence included).</summary>
    public long SamplesTaken { get; private set; }

    /// <summary>The rig plays: queues Q15 samples, heard one per conversion after what is queued already.</summary>
    public void Write(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty || completed) return;
        blocks.Enqueue(samples.ToArray());
    }

    /// <summary>No more sound (inject mode, a board going away): what is queued is still heard, later writes are not.</summary>
    public void Complete() => completed = true;

    /// <summary>The next sample at the microphone (chip side, emulator thread): silence when nothing is queued.</summary>
    public short Take()
    {
        SamplesTaken++;
        while (at >= current.Length)
        {
            if (!blocks.TryDequeue(out var next)) return 0;
            current = next;
            at = 0;
        }
        return current[at++];
    }
}
