using System.Buffers.Binary;
using System.Text;

namespace Rig.Audio.Wav;

/// <summary>
/// Reads RIFF/WAVE files: PCM 8/16/24/32-bit, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE, 1-6
/// channels downmixed to mono, any rate in [4 kHz, 768 kHz]; chunks other than fmt and data are
/// skipped. Every refusal is an <see cref="InvalidDataException"/> whose message starts with the
/// file name and says what is wrong.
/// </summary>
public static class WavReader
{
    // KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT share this tail; the first two bytes carry the format tag.
    private static readonly byte[] SubFormatTail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    public static WavInfo ReadInfo(string path)
    {
        using var stream = Open(path);
        return Parse(stream, path, out _);
    }

    public static WavAudio Read(string path)
    {
        using var stream = Open(path);
        return Read(stream, path);
    }

    public static WavAudio Read(Stream stream, string name)
    {
        var info = Parse(stream, name, out var dataOffset);
        var bytes = new byte[checked((int)(info.Frames * info.BlockAlign))];
        stream.Position = dataOffset;
        stream.ReadExactly(bytes);
        return new WavAudio(info, Downmix(bytes, info));
    }

    private static FileStream Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    private static InvalidDataException Bad(string name, string reason) => new($"{name}: {reason}");

    private static WavInfo Parse(Stream s, string name, out long dataOffset)
    {
        var length = s.Length;
        Span<byte> head = stackalloc byte[12];
        if (length < 12 || s.Read(head) != 12) throw Bad(name, $"too short for a WAV header ({length} bytes)");
        if (!head[..4].SequenceEqual("RIFF"u8))
            throw Bad(name, head[..4].SequenceEqual("RIFX"u8) ? "big-endian RIFX files are not supported" : "not a RIFF file (no 'RIFF' at the start)");
        if (!head[8..12].SequenceEqual("WAVE"u8)) throw Bad(name, "RIFF file is not WAVE");

        WavEncoding? encoding = null;
        int channels = 0, rate = 0;
        var extensible = false;
        dataOffset = -1;
        long dataBytes = 0;
        Span<byte> chunk = stackalloc byte[8];
        while (s.Position + 8 <= length)
        {
            s.ReadExactly(chunk);
            var id = Encoding.ASCII.GetString(chunk[..4]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            var start = s.Position;
            var present = length - start;
            if (id == "fmt ")
            {
                if (size < 16) throw Bad(name, $"fmt chunk is {size} bytes, needs at least 16");
                if (present < size) throw Bad(name, $"fmt chunk claims {size} bytes, {present} present");
                var fmt = new byte[size];
                s.ReadExactly(fmt);
                (encoding, channels, rate, extensible) = ParseFormat(fmt, name);
            }
            else if (id == "data")
            {
                if (encoding is null) throw Bad(name, "data chunk comes before the fmt chunk");
                if (present < size) throw Bad(name, $"data chunk claims {size} bytes, {present} present");
                dataOffset = start;
                dataBytes = size;
                break;
            }
            if (present < size) throw Bad(name, $"'{Printable(id)}' chunk claims {size} bytes, {present} present (truncated before any data chunk)");
            // Chunks are word-aligned: an odd-sized chunk is followed by one pad byte.
            s.Position = Math.Min(length, start + size + (size & 1));
        }
        if (encoding is null) throw Bad(name, "no fmt chunk");
        if (dataOffset < 0) throw Bad(name, "no data chunk");
        var blockAlign = channels * encoding.Value.BitsPerSample() / 8;
        if (dataBytes % blockAlign != 0)
            throw Bad(name, $"data chunk of {dataBytes} bytes is not a whole number of {blockAlign}-byte frames");
        var frames = dataBytes / blockAlign;
        if (frames == 0) throw Bad(name, "data chunk holds 0 samples");
        return new WavInfo(name, encoding.Value, channels, rate, frames, extensible);
    }

    private static string Printable(string id) => new(id.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());

    private static (WavEncoding, int, int, bool) ParseFormat(byte[] fmt, string name)
    {
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(2));
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt.AsSpan(4));
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(12));
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(14));
        var extensible = tag == (ushort)WavFormatTag.Extensible;
        if (extensible)
        {
            if (fmt.Length < 40) throw Bad(name, $"WAVE_FORMAT_EXTENSIBLE fmt chunk is {fmt.Length} bytes, needs 40");
            var sub = fmt.AsSpan(24, 16);
            if (!sub[2..].SequenceEqual(SubFormatTail)) throw Bad(name, "WAVE_FORMAT_EXTENSIBLE sub-format is not PCM or IEEE float");
            tag = BinaryPrimitives.ReadUInt16LittleEndian(sub);
            var validBits = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(18));
            if (validBits > bits) throw Bad(name, $"valid bits per sample {validBits} exceed the container's {bits}");
        }
        if (channels == 0) throw Bad(name, "0 channels");
        if (channels > WavLimits.MaxChannels)
            throw Bad(name, $"{channels} channels is not supported (at most {WavLimits.MaxChannels}: mono, stereo, quad or 5.1 are downmixed); downmix it first");
        if (rate < WavLimits.MinSampleRate || rate > WavLimits.MaxSampleRate)
            throw Bad(name, $"sample rate {rate} Hz is outside {WavLimits.MinSampleRate}..{WavLimits.MaxSampleRate} Hz");
        WavEncoding encoding = (tag, bits) switch
        {
            ((ushort)WavFormatTag.Pcm, 8) => WavEncoding.Pcm8,
            ((ushort)WavFormatTag.Pcm, 16) => WavEncoding.Pcm16,
            ((ushort)WavFormatTag.Pcm, 24) => WavEncoding.Pcm24,
            ((ushort)WavFormatTag.Pcm, 32) => WavEncoding.Pcm32,
            ((ushort)WavFormatTag.IeeeFloat, 32) => WavEncoding.Float32,
            ((ushort)WavFormatTag.IeeeFloat, 64) => WavEncoding.Float64,
            ((ushort)WavFormatTag.Pcm, _) => throw Bad(name, $"PCM with {bits} bits per sample is not supported (8, 16, 24 or 32)"),
            ((ushort)WavFormatTag.IeeeFloat, _) => throw Bad(name, $"IEEE float with {bits} bits per sample is not supported (32 or 64)"),
            _ => throw Bad(name, $"format tag 0x{tag:X4} is not supported (PCM, IEEE float or WAVE_FORMAT_EXTENSIBLE of those)"),
        };
        var expectedAlign = channels * bits / 8;
        if (blockAlign != expectedAlign)
            throw Bad(name, $"block align {blockAlign} does not match {channels} channels of {bits} bits ({expectedAlign})");
        return (encoding, channels, (int)rate, extensible);
    }

    private static float[] Downmix(byte[] data, WavInfo info)
    {
        var frames = (int)info.Frames;
        var ch = info.Channels;
        var width = info.Encoding.BitsPerSample() / 8;
        var mono = new float[frames];
        var scale = 1.0 / ch;
        var span = data.AsSpan();
        for (var f = 0; f < frames; f++)
        {
            double sum = 0;
            var offset = f * info.BlockAlign;
            for (var c = 0; c < ch; c++)
                sum += Sample(span.Slice(offset + c * width, width), info.Encoding);
            mono[f] = (float)(sum * scale);
        }
        return mono;
    }

    private static double Sample(ReadOnlySpan<byte> b, WavEncoding e) => e switch
    {
        WavEncoding.Pcm8 => (b[0] - 128) / 128.0,
        WavEncoding.Pcm16 => BinaryPrimitives.ReadInt16LittleEndian(b) / 32768.0,
        WavEncoding.Pcm24 => ((b[0] | (b[1] << 8) | (b[2] << 16)) << 8 >> 8) / 8388608.0,
        WavEncoding.Pcm32 => BinaryPrimitives.ReadInt32LittleEndian(b) / 2147483648.0,
        WavEncoding.Float32 => BinaryPrimitives.ReadSingleLittleEndian(b),
        WavEncoding.Float64 => BinaryPrimitives.ReadDoubleLittleEndian(b),
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };
}
