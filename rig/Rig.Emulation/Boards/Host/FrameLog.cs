using System.Text;

namespace Rig.Emulation.Boards.Host;

/// <summary>
/// The last few frames each way on the emulated UART (bytes up to each 0x00 delimiter of the COBS framing), kept
/// only to say in a stop message what was exchanged last. Not a decoder: the protocol is the host link's business.
/// </summary>
public sealed class FrameLog
{
    /// <summary>Frames kept per direction.</summary>
    public const int Kept = 4;

    /// <summary>Bytes of a frame shown.</summary>
    const int Shown = 20;

    readonly Queue<byte[]> done = new();
    readonly List<byte> current = [];

    public void Add(byte value)
    {
        if (value != 0)
        {
            current.Add(value);
            return;
        }
        if (current.Count == 0) return;
        done.Enqueue([.. current]);
        current.Clear();
        if (done.Count > Kept) done.Dequeue();
    }

    public void Add(ReadOnlySpan<byte> data)
    {
        foreach (var b in data) Add(b);
    }

    /// <summary>"none", or the kept frames oldest first as hex (COBS-encoded, as on the wire), then any unfinished one.</summary>
    public string Describe()
    {
        var frames = done.Select(f => Hex(f)).ToList();
        if (current.Count > 0) frames.Add(Hex([.. current]) + " (unfinished)");
        return frames.Count == 0 ? "none" : string.Join("; ", frames);
    }

    static string Hex(byte[] frame)
    {
        var text = new StringBuilder();
        foreach (var b in frame.Take(Shown)) text.Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
        if (frame.Length > Shown) text.Append("... ");
        return text.Append($"({frame.Length} B)").ToString();
    }
}
