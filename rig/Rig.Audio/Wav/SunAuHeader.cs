using System.Buffers.Binary;

namespace Rig.Audio.Wav;

/// <summary>
/// The Sun/NeXT .au header (GTZAN's original files): magic ".snd", then five big-endian u32s:
/// data offset, data size (0xFFFFFFFF = unknown, runs to the end of the file), encoding, sample rate,
/// channels. The DEC variant "dns." stores the same fields and the samples little-endian.
/// Encodings read: 1 µ-law, 2/3/4/5 linear PCM 8/16/24/32-bit, 6 float, 7 double, 27 A-law.
/// </summary>
internal static class SunAuHeader
{
    private const int HeaderBytes = 24;
    private const uint UnknownSize = 0xFFFFFFFF;

    public static bool Matches(ReadOnlySpan<byte> magic) => magic.SequenceEqual(".snd"u8) || magic.SequenceEqual("dns."u8);

    public static WavInfo Parse(Stream s, string name)
    {
        var length = s.Length;
        if (length < HeaderBytes) throw WavReader.Bad(name, $"too short for a Sun .au header ({length} bytes, needs {HeaderBytes})");
        var h = new byte[HeaderBytes];
        s.Position = 0;
        s.ReadExactly(h);
        var bigEndian = h.AsSpan(0, 4).SequenceEqual(".snd"u8);
        uint U32(int at) => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(h.AsSpan(at)) : BinaryPrimitives.ReadUInt32LittleEndian(h.AsSpan(at));
        var offset = U32(4);
        var size = U32(8);
        var code = U32(12);
        var rate = U32(16);
        var channels = U32(20);
        if (offset < HeaderBytes) throw WavReader.Bad(name, $".au data offset {offset} lies inside the {HeaderBytes}-byte header");
        if (offset > length) throw WavReader.Bad(name, $".au data offset {offset} is past the end of the {length}-byte file");
        var encoding = code switch
        {
            1 => WavEncoding.MuLaw,
            2 => WavEncoding.Pcm8Signed,
            3 => WavEncoding.Pcm16,
            4 => WavEncoding.Pcm24,
            5 => WavEncoding.Pcm32,
            6 => WavEncoding.Float32,
            7 => WavEncoding.Float64,
            27 => WavEncoding.ALaw,
            _ => throw WavReader.Bad(name, $".au encoding {code} is not supported (1 µ-law, 2/3/4/5 linear PCM 8/16/24/32-bit, 6 float, 7 double, 27 A-law)"),
        };
        WavReader.CheckShape(name, channels, rate);
        var align = (int)channels * encoding.BitsPerSample() / 8;
        var present = length - offset;
        long bytes;
        if (size == UnknownSize)
        {
            bytes = present - present % align;
        }
        else
        {
            if (size > present) throw WavReader.Bad(name, $".au data claims {size} bytes, {present} present");
            if (size % align != 0) throw WavReader.Bad(name, $".au data of {size} bytes is not a whole number of {align}-byte frames");
            bytes = size;
        }
        if (bytes == 0) throw WavReader.Bad(name, ".au data holds 0 samples");
        return new WavInfo(name, encoding, (int)channels, (int)rate, bytes / align, false)
        {
            Container = AudioContainer.SunAu,
            DataOffset = offset,
            BigEndian = bigEndian,
        };
    }
}
