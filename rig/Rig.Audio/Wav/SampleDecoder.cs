using System.Buffers.Binary;
using System.Globalization;

namespace Rig.Audio.Wav;

/// <summary>
/// Decodes whole frames of any <see cref="WavEncoding"/>, in either byte order, to mono floats by
/// averaging the channels. A frame that is not a finite number after decoding (a float file's NaN or
/// ±Infinity, or a double beyond the float range) is refused: downstream it would turn a whole clip's
/// features, spectrogram and Q15 samples into garbage without anyone noticing.
/// </summary>
internal static class SampleDecoder
{
    public static void Downmix(ReadOnlySpan<byte> data, WavInfo info, Span<float> mono, long firstFrame)
    {
        var ch = info.Channels;
        var width = info.Encoding.BitsPerSample() / 8;
        var align = info.BlockAlign;
        var scale = 1.0 / ch;
        for (var f = 0; f < mono.Length; f++)
        {
            double sum = 0;
            var frame = data.Slice(f * align, align);
            for (var c = 0; c < ch; c++)
                sum += Sample(frame.Slice(c * width, width), info.Encoding, info.BigEndian);
            var m = (float)(sum * scale);
            if (!float.IsFinite(m)) throw NotFinite(frame, info, firstFrame + f);
            mono[f] = m;
        }
    }

    private static InvalidDataException NotFinite(ReadOnlySpan<byte> frame, WavInfo info, long index)
    {
        var width = info.Encoding.BitsPerSample() / 8;
        var worst = 0.0;
        for (var c = 0; c < info.Channels; c++)
        {
            var v = Sample(frame.Slice(c * width, width), info.Encoding, info.BigEndian);
            if (!double.IsFinite(v) || Math.Abs(v) > float.MaxValue) { worst = v; break; }
        }
        var what = double.IsNaN(worst) ? "NaN" : double.IsInfinity(worst) ? (worst > 0 ? "+Infinity" : "-Infinity")
            : $"{worst.ToString("G6", CultureInfo.InvariantCulture)} (beyond the float range)";
        var seconds = ((double)index / info.SampleRate).ToString("0.######", CultureInfo.InvariantCulture);
        return new InvalidDataException(
            $"{info.File}: sample frame {index} (at {seconds} s) is {what}; an audio file must hold finite samples");
    }

    private static double Sample(ReadOnlySpan<byte> b, WavEncoding e, bool bigEndian) => e switch
    {
        WavEncoding.Pcm8 => (b[0] - 128) / 128.0,
        WavEncoding.Pcm8Signed => (sbyte)b[0] / 128.0,
        WavEncoding.MuLaw => G711.MuLawToLinear(b[0]) / 32768.0,
        WavEncoding.ALaw => G711.ALawToLinear(b[0]) / 32768.0,
        WavEncoding.Pcm16 => (bigEndian ? BinaryPrimitives.ReadInt16BigEndian(b) : BinaryPrimitives.ReadInt16LittleEndian(b)) / 32768.0,
        WavEncoding.Pcm24 => (bigEndian ? (b[2] | (b[1] << 8) | (b[0] << 16)) << 8 >> 8 : (b[0] | (b[1] << 8) | (b[2] << 16)) << 8 >> 8) / 8388608.0,
        WavEncoding.Pcm32 => (bigEndian ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b)) / 2147483648.0,
        WavEncoding.Float32 => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b),
        WavEncoding.Float64 => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b),
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };
}
