using System.Buffers.Binary;

namespace Rig.Audio.Wav;

/// <summary>
/// Writes RIFF/WAVE files. Integer encodings round to nearest (ties away from zero) and saturate,
/// so a float of exactly +1.0 becomes the largest positive code rather than wrapping.
/// </summary>
public static class WavWriter
{
    /// <summary>The encodings a WAV file can carry (every <see cref="WavEncoding"/> but .au's signed 8-bit).</summary>
    public static readonly IReadOnlyList<WavEncoding> Encodings =
        [WavEncoding.Pcm8, WavEncoding.Pcm16, WavEncoding.Pcm24, WavEncoding.Pcm32, WavEncoding.Float32, WavEncoding.Float64, WavEncoding.MuLaw, WavEncoding.ALaw];

    public static void WriteMono(string path, ReadOnlySpan<float> samples, int sampleRate, WavEncoding encoding = WavEncoding.Pcm16)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        Write(stream, samples, sampleRate, 1, encoding);
    }

    /// <summary>Writes interleaved samples of <paramref name="channels"/> channels.</summary>
    public static void Write(Stream stream, ReadOnlySpan<float> interleaved, int sampleRate, int channels, WavEncoding encoding, bool extensible = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        if (!Encodings.Contains(encoding)) throw new ArgumentException($"WAV has no {encoding} encoding (its 8-bit PCM is unsigned)", nameof(encoding));
        if (interleaved.Length % channels != 0) throw new ArgumentException("sample count is not a multiple of the channel count", nameof(interleaved));
        var width = encoding.BitsPerSample() / 8;
        var blockAlign = channels * width;
        var dataBytes = interleaved.Length * width;
        var fmtBytes = extensible ? 40 : 16;
        var header = new byte[12 + 8 + fmtBytes + 8];
        var h = header.AsSpan();
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], (uint)(header.Length - 8 + dataBytes + (dataBytes & 1)));
        "WAVE"u8.CopyTo(h[8..]);
        "fmt "u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], (uint)fmtBytes);
        var tag = encoding switch
        {
            WavEncoding.Float32 or WavEncoding.Float64 => WavFormatTag.IeeeFloat,
            WavEncoding.MuLaw => WavFormatTag.MuLaw,
            WavEncoding.ALaw => WavFormatTag.ALaw,
            _ => WavFormatTag.Pcm,
        };
        var f = h[20..];
        BinaryPrimitives.WriteUInt16LittleEndian(f, (ushort)(extensible ? WavFormatTag.Extensible : tag));
        BinaryPrimitives.WriteUInt16LittleEndian(f[2..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(f[4..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(f[8..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(f[12..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(f[14..], (ushort)(width * 8));
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(f[16..], 22);
            BinaryPrimitives.WriteUInt16LittleEndian(f[18..], (ushort)(width * 8));
            BinaryPrimitives.WriteUInt32LittleEndian(f[20..], 0); // channel mask: unspecified layout
            BinaryPrimitives.WriteUInt16LittleEndian(f[24..], (ushort)tag);
            byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
            tail.CopyTo(f[26..]);
        }
        var d = h[(20 + fmtBytes)..];
        "data"u8.CopyTo(d);
        BinaryPrimitives.WriteUInt32LittleEndian(d[4..], (uint)dataBytes);
        stream.Write(header);

        var data = new byte[dataBytes + (dataBytes & 1)];
        for (var i = 0; i < interleaved.Length; i++)
            Encode(data.AsSpan(i * width, width), interleaved[i], encoding);
        stream.Write(data);
    }

    private static long Quantise(double x, double scale, long min, long max)
    {
        if (double.IsNaN(x)) return 0;
        var v = Math.Round(x * scale, MidpointRounding.AwayFromZero);
        return (long)Math.Clamp(v, min, max);
    }

    private static void Encode(Span<byte> b, float x, WavEncoding e)
    {
        switch (e)
        {
            case WavEncoding.Pcm8: b[0] = (byte)(Quantise(x, 128, -128, 127) + 128); break;
            case WavEncoding.Pcm16: BinaryPrimitives.WriteInt16LittleEndian(b, (short)Quantise(x, 32768, short.MinValue, short.MaxValue)); break;
            case WavEncoding.Pcm24:
                var v = (int)Quantise(x, 8388608, -8388608, 8388607);
                b[0] = (byte)v; b[1] = (byte)(v >> 8); b[2] = (byte)(v >> 16);
                break;
            case WavEncoding.Pcm32: BinaryPrimitives.WriteInt32LittleEndian(b, (int)Quantise(x, 2147483648.0, int.MinValue, int.MaxValue)); break;
            case WavEncoding.Float32: BinaryPrimitives.WriteSingleLittleEndian(b, x); break;
            case WavEncoding.Float64: BinaryPrimitives.WriteDoubleLittleEndian(b, x); break;
            case WavEncoding.MuLaw: b[0] = G711.LinearToMuLaw((short)Quantise(x, 32768, short.MinValue, short.MaxValue)); break;
            case WavEncoding.ALaw: b[0] = G711.LinearToALaw((short)Quantise(x, 32768, short.MinValue, short.MaxValue)); break;
        }
    }
}
