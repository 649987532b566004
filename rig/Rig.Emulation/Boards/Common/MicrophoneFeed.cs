using System.Collections.Concurrent;

namespace Rig.Emulation.Boards.Common;

/// <summary>
/// The sound at the board's microphone as Q15 samples, one per conversion of the port's capture
/// path: the rig (virtual room, any thread) writes, the chip's ADC/PDM model takes one sample per
/// conversion in emulated time. When the rig has not written far enough yet, the take waits for it
/// (bounded, in host time): emulated time stands still meanwhile, so the board never hears a gap
/// the rig did not play. After <see cref="Complete"/> the microphone hears silence.
/// </summary>
public sealed class MicrophoneFeed : IDisposable
{
    /// <summary>How long a conversion waits for the rig's next sample before the run is declared stuck.</summary>
    public static readonly TimeSpan StarvedAfter = TimeSpan.FromSeconds(30);

    readonly BlockingCollection<short[]> blocks = new(boundedCapacity: 256);
    short[] current = [];
    int at;
    bool completed;

    /// <summary>Samples the chip has taken.</summary>
    public long SamplesTaken { get; private set; }

    /// <summary>The rig plays: queues Q15 samples (blocks while 256 blocks are queued).</summary>
    public void Write(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty) return;
        blocks.Add(samples.ToArray());
    }

    /// <summary>No more sound: conversions from now on read silence instead of waiting.</summary>
    public void Complete() => blocks.CompleteAdding();

    /// <summary>The next sample at the microphone (chip side, emulator thread).</summary>
    public short Take()
    {
        while (at >= current.Length)
        {
            if (completed) return 0;
            if (blocks.TryTake(out var next, StarvedAfter)) { current = next; at = 0; }
            else if (blocks.IsCompleted) completed = true;
            else throw new TimeoutException($"the microphone waited {StarvedAfter.TotalSeconds:0} s for the rig's next sample (after {SamplesTaken} samples)");
        }
        SamplesTaken++;
        return current[at++];
    }

    public void Dispose() => blocks.Dispose();
}
