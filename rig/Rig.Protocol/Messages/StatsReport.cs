using System.Buffers.Binary;

namespace Rig.Protocol.Messages;

/// <summary>
/// The board's answer to STOP: stack high-water mark and size, static RAM, dropped mic samples,
/// state sizes, its own frame decoder's counters and what it produced since START.
/// Zero stack/static figures mean "not measurable on this board" (the native board).
/// </summary>
public sealed record StatsReport(
    uint StackHighWater, uint StackSize, uint StaticRam, uint DroppedSamples, uint FrontendBytes, uint AppBytes,
    uint RxFrames, uint RxBadFrames, uint RxOversize, uint RxDropped, uint Columns, uint Windows, uint Captured) : BoardMessage
{
    public const int Bytes = 52;

    public static StatsReport FromPayload(byte[] p)
    {
        if (p.Length != Bytes) throw Bad("stats", p.Length);
        uint V(int i) => BinaryPrimitives.ReadUInt32LittleEndian(p.AsSpan(4 * i));
        return new StatsReport(V(0), V(1), V(2), V(3), V(4), V(5), V(6), V(7), V(8), V(9), V(10), V(11), V(12));
    }
}
