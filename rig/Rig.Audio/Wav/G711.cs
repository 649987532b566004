namespace Rig.Audio.Wav;

/// <summary>
/// ITU-T G.711 companding (µ-law and A-law), the 8-bit encodings of telephone recordings and of
/// Sun .au encoding 1. Decoding gives the standard's 16-bit linear values (µ-law 0x00 is -32124,
/// A-law 0xD5 is +8); encoding is the standard's segment search, so decode(encode(decode(c))) == decode(c).
/// µ-law stores the code inverted with a bias of 0x84; A-law inverts the even bits (XOR 0x55).
/// </summary>
public static class G711
{
    private const int MuLawBias = 0x84;
    private const int MuLawClip = 8159;
    private static ReadOnlySpan<short> MuLawSegmentEnds => [0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF];
    private static ReadOnlySpan<short> ALawSegmentEnds => [0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF];

    public static short MuLawToLinear(byte code)
    {
        var u = ~code & 0xFF;
        var t = (((u & 0x0F) << 3) + MuLawBias) << ((u & 0x70) >> 4);
        return (short)((u & 0x80) != 0 ? MuLawBias - t : t - MuLawBias);
    }

    public static short ALawToLinear(byte code)
    {
        var a = code ^ 0x55;
        var t = (a & 0x0F) << 4;
        var segment = (a & 0x70) >> 4;
        t = segment switch
        {
            0 => t + 8,
            1 => t + 0x108,
            _ => (t + 0x108) << (segment - 1),
        };
        return (short)((a & 0x80) != 0 ? t : -t);
    }

    public static byte LinearToMuLaw(short sample)
    {
        int value = sample >> 2;
        int mask;
        if (value < 0) { value = -value; mask = 0x7F; }
        else mask = 0xFF;
        value = Math.Min(value, MuLawClip) + (MuLawBias >> 2);
        var segment = Segment(value, MuLawSegmentEnds);
        if (segment >= 8) return (byte)(0x7F ^ mask);
        return (byte)(((segment << 4) | ((value >> (segment + 1)) & 0x0F)) ^ mask);
    }

    public static byte LinearToALaw(short sample)
    {
        int value = sample >> 3;
        int mask;
        if (value >= 0) mask = 0xD5;
        else { mask = 0x55; value = -value - 1; }
        var segment = Segment(value, ALawSegmentEnds);
        if (segment >= 8) return (byte)(0x7F ^ mask);
        var code = (segment << 4) | ((segment < 2 ? value >> 1 : value >> segment) & 0x0F);
        return (byte)(code ^ mask);
    }

    private static int Segment(int value, ReadOnlySpan<short> ends)
    {
        for (var i = 0; i < ends.Length; i++)
            if (value <= ends[i]) return i;
        return ends.Length;
    }
}
