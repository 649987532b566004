namespace Rig.Hardware.Tests.Serial;

/// <summary>
/// A seeded byte pattern (each byte a function of its position) and a comparison of what arrived
/// against it that tells lost bytes from duplicated and corrupted ones: on a mismatch it finds where
/// the next 32 received bytes sit in the pattern (nearest first) and counts the jump.
/// </summary>
public static class ByteStreamCheck
{
    private const int Anchor = 32;
    private const int Window = 1 << 18;
    private const int MaxEvents = 2000;

    public sealed record Outcome(long Sent, long Received, long Lost, long Duplicated, long Corrupted, long FirstDifference, bool GaveUp)
    {
        public bool Exact => Lost == 0 && Duplicated == 0 && Corrupted == 0 && Sent == Received;
        public override string ToString() =>
            $"sent {Sent} bytes, received {Received}: {Lost} lost, {Duplicated} duplicated, {Corrupted} corrupted" +
            (FirstDifference >= 0 ? $", first difference at received byte {FirstDifference}" : "") + (GaveUp ? $" (stopped counting after {MaxEvents} mismatches)" : "");
    }

    public static byte[] Pattern(long length, ulong seed)
    {
        var bytes = new byte[length];
        for (long i = 0; i < length; i += 8)
        {
            var word = Mix(seed ^ (ulong)(i >> 3));
            for (var k = 0; k < 8 && i + k < length; k++) bytes[i + k] = (byte)(word >> (8 * k));
        }
        return bytes;
    }

    public static Outcome Compare(byte[] sent, ReadOnlySpan<byte> got)
    {
        long p = 0, lost = 0, duplicated = 0, corrupted = 0, first = -1;
        var events = 0;
        var r = 0;
        while (r < got.Length)
        {
            if (p < sent.Length && got[r] == sent[p])
            {
                p++;
                r++;
                continue;
            }
            if (first < 0) first = r;
            if (++events > MaxEvents) return new Outcome(sent.Length, got.Length, lost, duplicated, corrupted, first, true);
            var anchor = got.Slice(r, Math.Min(Anchor, got.Length - r));
            var q = Find(sent, anchor, p);
            if (q is long found)
            {
                if (found > p) lost += found - p; else duplicated += p - found;
                p = found;
            }
            else
            {
                corrupted++;
                p++;
                r++;
            }
        }
        if (p < sent.Length) lost += sent.Length - p;
        return new Outcome(sent.Length, got.Length, lost, duplicated, corrupted, first, false);
    }

    /// <summary>The position of <paramref name="anchor"/> in <paramref name="sent"/> nearest to <paramref name="near"/> (not at it), or null.</summary>
    private static long? Find(byte[] sent, ReadOnlySpan<byte> anchor, long near)
    {
        for (long d = 1; d <= Window; d++)
        {
            foreach (var q in new[] { near + d, near - d })
                if (q >= 0 && q + anchor.Length <= sent.Length && sent.AsSpan((int)q, anchor.Length).SequenceEqual(anchor)) return q;
        }
        return null;
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
