using System.Buffers.Binary;

namespace Rig.Audio.Tests.Support;

/// <summary>
/// Builds Sun .au files byte by byte (big-endian header: ".snd", data offset, data size, encoding,
/// rate, channels), including broken ones. Encoding numbers: 1 µ-law, 2/3/4/5 linear 8/16/24/32,
/// 6 float, 7 double, 27 A-law.
/// </summary>
public static class AuBuilder
{
    public const uint UnknownSize = 0xFFFFFFFF;

    public static byte[] Build(uint encoding, uint rate, uint channels, byte[] data, uint? claimedSize = null, uint offset = 24, bool decLittleEndian = false)
    {
        var header = new byte[Math.Max(24, (int)Math.Min(offset, 1024))];
        void U32(int at, uint v)
        {
            if (decLittleEndian) BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(at), v);
            else BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(at), v);
        }
        (decLittleEndian ? "dns."u8 : ".snd"u8).CopyTo(header);
        U32(4, offset);
        U32(8, claimedSize ?? (uint)data.Length);
        U32(12, encoding);
        U32(16, rate);
        U32(20, channels);
        return [.. header, .. data];
    }

    /// <summary>GTZAN's own format: 16-bit big-endian linear PCM, mono.</summary>
    public static byte[] Pcm16(uint rate, params short[] samples)
    {
        var data = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++) BinaryPrimitives.WriteInt16BigEndian(data.AsSpan(i * 2), samples[i]);
        return Build(3, rate, 1, data);
    }

    public static void WriteTone(string path, double seconds, uint rate = 22050)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var samples = Signals.Sine(440, (int)rate, (int)(seconds * rate), 0.3).Select(x => (short)Math.Round(x * 32767)).ToArray();
        File.WriteAllBytes(path, Pcm16(rate, samples));
    }
}
