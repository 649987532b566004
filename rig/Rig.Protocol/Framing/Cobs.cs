namespace Rig.Protocol.Framing;

/// <summary>
/// Consistent Overhead Byte Stuffing: the encoding holds no zero, so 0x00 delimits frames and a
/// receiver resynchronises at the next zero. Same block rules as firmware/core/cobs.c (a full
/// 254-byte run at the very end implies no trailing zero).
/// </summary>
public static class Cobs
{
    /// <summary>Worst-case encoded length of <paramref name="n"/> bytes, without the delimiter.</summary>
    public static int MaxEncodedLength(int n) => n + n / 254 + 1;

    /// <summary>Encodes <paramref name="src"/> into <paramref name="dst"/> (at least MaxEncodedLength); returns the length.</summary>
    public static int Encode(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        var codeAt = 0;
        var output = 1;
        byte code = 1;
        for (var i = 0; i < src.Length; i++)
        {
            if (src[i] == 0)
            {
                dst[codeAt] = code;
                codeAt = output++;
                code = 1;
                continue;
            }
            dst[output++] = src[i];
            if (++code == 0xFF)
            {
                dst[codeAt] = code;
                if (i + 1 == src.Length) return output;
                codeAt = output++;
                code = 1;
            }
        }
        dst[codeAt] = code;
        return output;
    }

    /// <summary>Decodes into <paramref name="dst"/> (at least src.Length bytes); returns the length, or -1 when malformed.</summary>
    public static int Decode(ReadOnlySpan<byte> src, Span<byte> dst)
    {
        var input = 0;
        var output = 0;
        while (input < src.Length)
        {
            int code = src[input++];
            if (code == 0) return -1;
            var run = code - 1;
            if (input + run > src.Length) return -1;
            for (var i = 0; i < run; i++)
            {
                if (src[input] == 0) return -1;
                dst[output++] = src[input++];
            }
            if (code != 0xFF && input < src.Length) dst[output++] = 0;
        }
        return output;
    }
}
