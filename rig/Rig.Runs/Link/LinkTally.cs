using System.Globalization;
using Rig.Protocol.Framing;

namespace Rig.Runs.Link;

/// <summary>
/// What came back over a board link, counted: bytes, valid frames by message type, and what the
/// decoder threw away. <see cref="Since"/> gives what came back during one request, for messages
/// that say what a board did instead of answering.
/// </summary>
public sealed record LinkTally(long Bytes, IReadOnlyDictionary<MessageType, long> Frames, long CrcErrors, long BadFrames, long GarbageBytes)
{
    public long FrameCount => Frames.Values.Sum();

    public LinkTally Since(LinkTally before) => new(
        Bytes - before.Bytes,
        Frames.Select(kv => (kv.Key, Count: kv.Value - before.Frames.GetValueOrDefault(kv.Key))).Where(x => x.Count > 0).ToDictionary(x => x.Key, x => x.Count),
        CrcErrors - before.CrcErrors,
        BadFrames - before.BadFrames,
        GarbageBytes - before.GarbageBytes);

    /// <summary>"812 bytes: 57 frames (LOG 50, FEATURE 7), 3 CRC errors, 0 bad frames, 10 garbage bytes" or "nothing (0 bytes)".</summary>
    public override string ToString()
    {
        if (Bytes == 0) return "nothing (0 bytes)";
        var types = string.Join(", ", Frames.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => $"{Name(kv.Key)} {kv.Value}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{Bytes} bytes: {FrameCount} valid frames{(types.Length > 0 ? $" ({types})" : "")}, {CrcErrors} CRC errors, {BadFrames} other bad frames, {GarbageBytes} garbage bytes");
    }

    /// <summary>What to check, judged from what came back.</summary>
    public string Advice(int baud) =>
        Bytes == 0
            ? $"check that the board is powered and running the rig firmware, that the port is the board's, and the cable"
            : FrameCount == 0
                ? $"bytes came but no valid frame: check that the board's baud rate is serial.baud ({baud}) and the cable (noise, length)"
                : "valid frames came but not the answer: check that the firmware is the rig's and matches this host's protocol (reflash it), and the cable if CRC errors are high";

    private static string Name(MessageType t) => Enum.IsDefined(t) ? t.ToString().ToUpperInvariant() : $"0x{(byte)t:X2}";
}
