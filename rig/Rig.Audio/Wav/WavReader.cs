using System.Buffers.Binary;
using System.Text;

namespace Rig.Audio.Wav;

/// <summary>
/// Reads RIFF/WAVE files (PCM 8/16/24/32-bit, IEEE float 32/64, G.711 µ-law/A-law,
/// WAVE_FORMAT_EXTENSIBLE of those) and Sun .au files (see <see cref="SunAuHeader"/>), 1-6 channels
/// downmixed to mono, any rate in [4 kHz, 768 kHz]; WAV chunks other than fmt and data are skipped.
/// Samples are streamed: <see cref="ReadExcerpt"/> reads only the frames asked for,
/// in fixed-size blocks, so memory is bounded by the excerpt, not the file (a 4 GiB data chunk is fine).
/// Every refusal is an <see cref="InvalidDataException"/> whose message starts with the file name
/// and says what is wrong.
/// </summary>
public static class WavReader
{
    // KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT / _ALAW / _MULAW share this tail; the first two bytes carry the format tag.
    private static readonly byte[] SubFormatTail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Bytes decoded per read: large enough to amortise the calls, small enough not to matter.</summary>
    public const int BlockBytes = 64 * 1024;

    public static WavInfo ReadInfo(string path)
    {
        using var stream = Open(path);
        return Parse(stream, path);
    }

    public static WavInfo ReadInfo(Stream stream, string name) => Parse(stream, name);

    /// <summary>The whole file decoded; for short files. Long ones are read in excerpts with <see cref="ReadExcerpt"/>.</summary>
    public static WavAudio Read(string path)
    {
        using var stream = Open(path);
        return Read(stream, path);
    }

    public static WavAudio Read(Stream stream, string name)
    {
        var info = Parse(stream, name);
        if (info.Frames > Array.MaxLength)
            throw Bad(name, $"{info.Frames} frames are too many to decode at once; read it in excerpts");
        return new WavAudio(info, ReadMono(stream, info, 0, (int)info.Frames));
    }

    /// <summary>
    /// Frames [firstFrame, firstFrame + frameCount) downmixed to mono, fewer if the file ends first.
    /// The header is read again, so a file changed since it was listed is caught here.
    /// </summary>
    public static WavAudio ReadExcerpt(string path, long firstFrame, int frameCount)
    {
        using var stream = Open(path);
        var info = Parse(stream, path);
        return new WavAudio(info, ReadMono(stream, info, firstFrame, frameCount));
    }

    /// <summary>Decodes frames [firstFrame, firstFrame + frameCount) piece by piece and keeps none: refuses NaN/Inf in constant memory.</summary>
    public static void CheckFinite(string path, long firstFrame, long frameCount)
    {
        using var stream = Open(path);
        var info = Parse(stream, path);
        var end = Math.Min(info.Frames, firstFrame + frameCount);
        const int Piece = 16 * 1024;
        for (var at = firstFrame; at < end; at += Piece)
            ReadMono(stream, info, at, (int)Math.Min(Piece, end - at));
    }

    public static float[] ReadMono(Stream stream, WavInfo info, long firstFrame, int frameCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstFrame);
        ArgumentOutOfRangeException.ThrowIfNegative(frameCount);
        var count = (int)Math.Min(frameCount, Math.Max(0, info.Frames - firstFrame));
        var mono = new float[count];
        if (count == 0) return mono;
        var align = info.BlockAlign;
        var framesPerBlock = Math.Max(1, BlockBytes / align);
        var buffer = new byte[Math.Min(count, framesPerBlock) * align];
        stream.Position = info.DataOffset + firstFrame * align;
        for (var done = 0; done < count;)
        {
            var frames = Math.Min(framesPerBlock, count - done);
            var block = buffer.AsSpan(0, frames * align);
            try
            {
                stream.ReadExactly(block);
            }
            catch (EndOfStreamException)
            {
                throw Bad(info.File, $"file ends before frame {firstFrame + done + frames} its header promises ({info.Frames} frames); was it truncated after it was listed?");
            }
            SampleDecoder.Downmix(block, info, mono.AsSpan(done, frames), firstFrame + done);
            done += frames;
        }
        return mono;
    }

    private static FileStream Open(string path)
    {
        if (Directory.Exists(path)) throw new InvalidDataException($"{path}: is a folder, not an audio file");
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
    }

    internal static InvalidDataException Bad(string name, string reason) => new($"{name}: {reason}");

    /// <summary>The limits every container shares (<see cref="WavLimits"/>).</summary>
    internal static void CheckShape(string name, long channels, long rate)
    {
        if (channels == 0) throw Bad(name, "0 channels");
        if (channels > WavLimits.MaxChannels)
            throw Bad(name, $"{channels} channels is not supported (at most {WavLimits.MaxChannels}: mono, stereo, quad or 5.1 are downmixed); downmix it first");
        if (rate < WavLimits.MinSampleRate || rate > WavLimits.MaxSampleRate)
            throw Bad(name, $"sample rate {rate} Hz is outside {WavLimits.MinSampleRate}..{WavLimits.MaxSampleRate} Hz");
    }

    private static WavInfo Parse(Stream s, string name)
    {
        var length = s.Length;
        Span<byte> head = stackalloc byte[12];
        s.Position = 0;
        var got = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (got >= 4 && SunAuHeader.Matches(head[..4])) return SunAuHeader.Parse(s, name);
        if (got < 12) throw Bad(name, $"too short for a WAV header ({length} bytes)");
        if (!head[..4].SequenceEqual("RIFF"u8))
            throw Bad(name, head[..4].SequenceEqual("RIFX"u8) ? "big-endian RIFX files are not supported"
                : "not a RIFF file (no 'RIFF' at the start) nor a Sun .au file (no '.snd')");
        if (!head[8..12].SequenceEqual("WAVE"u8)) throw Bad(name, "RIFF file is not WAVE");

        WavEncoding? encoding = null;
        int channels = 0, rate = 0;
        var extensible = false;
        long dataOffset = -1;
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
        return new WavInfo(name, encoding.Value, channels, rate, frames, extensible) { DataOffset = dataOffset };
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
            if (!sub[2..].SequenceEqual(SubFormatTail)) throw Bad(name, "WAVE_FORMAT_EXTENSIBLE sub-format is not PCM, IEEE float, A-law or µ-law");
            tag = BinaryPrimitives.ReadUInt16LittleEndian(sub);
            var validBits = BinaryPrimitives.ReadUInt16LittleEndian(fmt.AsSpan(18));
            if (validBits > bits) throw Bad(name, $"valid bits per sample {validBits} exceed the container's {bits}");
        }
        CheckShape(name, channels, rate);
        WavEncoding encoding = (tag, bits) switch
        {
            ((ushort)WavFormatTag.Pcm, 8) => WavEncoding.Pcm8,
            ((ushort)WavFormatTag.Pcm, 16) => WavEncoding.Pcm16,
            ((ushort)WavFormatTag.Pcm, 24) => WavEncoding.Pcm24,
            ((ushort)WavFormatTag.Pcm, 32) => WavEncoding.Pcm32,
            ((ushort)WavFormatTag.IeeeFloat, 32) => WavEncoding.Float32,
            ((ushort)WavFormatTag.IeeeFloat, 64) => WavEncoding.Float64,
            ((ushort)WavFormatTag.MuLaw, 8) => WavEncoding.MuLaw,
            ((ushort)WavFormatTag.ALaw, 8) => WavEncoding.ALaw,
            ((ushort)WavFormatTag.Pcm, _) => throw Bad(name, $"PCM with {bits} bits per sample is not supported (8, 16, 24 or 32)"),
            ((ushort)WavFormatTag.IeeeFloat, _) => throw Bad(name, $"IEEE float with {bits} bits per sample is not supported (32 or 64)"),
            ((ushort)WavFormatTag.MuLaw or (ushort)WavFormatTag.ALaw, _) => throw Bad(name, $"G.711 {(tag == (ushort)WavFormatTag.MuLaw ? "µ-law" : "A-law")} with {bits} bits per sample is not supported (8)"),
            _ => throw Bad(name, $"format tag 0x{tag:X4} is not supported (PCM, IEEE float, A-law, µ-law or WAVE_FORMAT_EXTENSIBLE of those)"),
        };
        var expectedAlign = channels * bits / 8;
        if (blockAlign != expectedAlign)
            throw Bad(name, $"block align {blockAlign} does not match {channels} channels of {bits} bits ({expectedAlign})");
        return (encoding, channels, (int)rate, extensible);
    }
}
