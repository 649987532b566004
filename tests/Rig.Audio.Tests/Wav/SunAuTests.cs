using CsCheck;
using System.Buffers.Binary;
using Rig.Audio.Tests.Support;
using Rig.Audio.Wav;

namespace Rig.Audio.Tests.Wav;

public class SunAuTests
{
    private static WavAudio Read(byte[] bytes, string name = "track.au") => WavReader.Read(new MemoryStream(bytes), name);

    private static string Refusal(byte[] bytes) =>
        Assert.Throws<InvalidDataException>(() => WavReader.Read(new MemoryStream(bytes), "bad.au")).Message;

    [Fact]
    public void Gtzan_style_16_bit_big_endian_reads_exactly()
    {
        var wav = Read(AuBuilder.Pcm16(22050, 1, -2, 32767, -32768, 256));
        Assert.Equal(AudioContainer.SunAu, wav.Info.Container);
        Assert.Equal(WavEncoding.Pcm16, wav.Info.Encoding);
        Assert.Equal(22050, wav.SampleRate);
        Assert.Equal(new[] { 1 / 32768f, -2 / 32768f, 32767 / 32768f, -1f, 256 / 32768f }, wav.Mono);
    }

    [Fact]
    public void Every_au_encoding_reads_in_big_endian_order()
    {
        Assert.Equal(new[] { -32124 / 32768f, 0f }, Read(AuBuilder.Build(1, 8000, 1, [0x00, 0xFF])).Mono);   // µ-law
        Assert.Equal(new[] { -1f, 0.5f }, Read(AuBuilder.Build(2, 8000, 1, [0x80, 0x40])).Mono);           // signed 8-bit
        Assert.Equal(new[] { -1f / 8388608, -1f }, Read(AuBuilder.Build(4, 8000, 1, [0xFF, 0xFF, 0xFF, 0x80, 0x00, 0x00])).Mono);
        Assert.Equal(new[] { 0.5f }, Read(AuBuilder.Build(5, 8000, 1, [0x40, 0x00, 0x00, 0x00])).Mono);
        var f = new byte[4];
        BinaryPrimitives.WriteSingleBigEndian(f, 0.25f);
        Assert.Equal(new[] { 0.25f }, Read(AuBuilder.Build(6, 8000, 1, f)).Mono);
        var d = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(d, -0.75);
        Assert.Equal(new[] { -0.75f }, Read(AuBuilder.Build(7, 8000, 1, d)).Mono);
        Assert.Equal(new[] { 8 / 32768f, 32256 / 32768f }, Read(AuBuilder.Build(27, 8000, 1, [0xD5, 0xAA])).Mono); // A-law
    }

    [Fact]
    public void Stereo_is_averaged_and_an_annotation_before_the_data_is_skipped()
    {
        var data = new byte[] { 0x40, 0x00, 0x00, 0x00 }; // left 0.5, right 0
        var bytes = AuBuilder.Build(3, 16000, 2, data, offset: 32);
        bytes = [.. bytes[..24], .. "comment\0"u8.ToArray(), .. bytes[32..]];
        Assert.Equal(new[] { 0.25f }, Read(bytes).Mono);
    }

    [Fact]
    public void Unknown_size_runs_to_the_end_of_the_file_and_dec_files_are_little_endian()
    {
        var data = new byte[] { 0x00, 0x40, 0x00, 0xC0, 0x7F }; // two frames and a stray byte
        Assert.Equal(new[] { 0.5f, -0.5f }, Read(AuBuilder.Build(3, 8000, 1, [0x40, 0x00, 0xC0, 0x00, 0x7F], claimedSize: AuBuilder.UnknownSize)).Mono);
        Assert.Equal(new[] { 0.5f, -0.5f }, Read(AuBuilder.Build(3, 8000, 1, data[..4], decLittleEndian: true)).Mono);
    }

    [Theory]
    [InlineData("g721", "bad.au: .au encoding 23 is not supported")]
    [InlineData("offset", "bad.au: .au data offset 8 lies inside the 24-byte header")]
    [InlineData("pastend", "bad.au: .au data offset 4000 is past the end of the 28-byte file")]
    [InlineData("truncated", "bad.au: .au data claims 400 bytes, 4 present")]
    [InlineData("partial", "bad.au: .au data of 3 bytes is not a whole number of 2-byte frames")]
    [InlineData("channels", "bad.au: 0 channels")]
    [InlineData("rate", "bad.au: sample rate 0 Hz is outside 4000..768000 Hz")]
    [InlineData("empty", "bad.au: .au data holds 0 samples")]
    [InlineData("short", "bad.au: too short for a Sun .au header (10 bytes, needs 24)")]
    public void Broken_au_files_say_why(string kind, string message)
    {
        var four = new byte[4];
        var bytes = kind switch
        {
            "g721" => AuBuilder.Build(23, 8000, 1, four),
            "offset" => Patch(AuBuilder.Build(3, 8000, 1, four), 4, 8),
            "pastend" => Patch(AuBuilder.Build(3, 8000, 1, four), 4, 4000),
            "truncated" => AuBuilder.Build(3, 8000, 1, four, claimedSize: 400),
            "partial" => AuBuilder.Build(3, 8000, 1, [1, 2, 3]),
            "channels" => AuBuilder.Build(3, 8000, 0, four),
            "rate" => AuBuilder.Build(3, 0, 1, four),
            "empty" => AuBuilder.Build(3, 8000, 1, []),
            "short" => AuBuilder.Build(3, 8000, 1, four)[..10],
            _ => throw new ArgumentException(kind),
        };
        Assert.StartsWith(message, Refusal(bytes));
    }

    [Fact]
    public void An_au_file_on_disk_plays_in_a_playlist()
    {
        using var dir = new TempDir();
        AuBuilder.WriteTone(dir.Sub("jazz.00000.au"), 1.0);
        var path = dir.Write("list.yaml", "items:\n  - {label: jazz, file: jazz.00000.au, duration: 0.5}\n");
        var item = Rig.Audio.Playlists.PlaylistLoader.Load(path).Items[0];
        Assert.Equal("jazz.00000", item.Name);
        var clip = Rig.Audio.Playlists.ClipRenderer.Render(item, 16000);
        Assert.Equal(8000, clip.Length);
        Assert.InRange(Signals.AmplitudeAt(clip.AsSpan(1000, 6000), 440, 16000), 0.29, 0.31);
    }

    [Fact]
    public void Corrupted_au_bytes_are_either_read_or_refused_never_a_crash()
    {
        var good = AuBuilder.Build(3, 8000, 2, new byte[64]);
        Gen.Select(Gen.Int[0, 23].Array[1, 4], Gen.Byte.Array[4], Gen.Int[0, good.Length])
            .Sample((positions, values, cut) =>
            {
                var bytes = good.ToArray();
                for (var i = 0; i < positions.Length; i++) bytes[positions[i]] = values[i];
                bytes = bytes[..cut];
                try
                {
                    Assert.NotEmpty(WavReader.Read(new MemoryStream(bytes), "fuzz.au").Mono);
                }
                catch (InvalidDataException e)
                {
                    Assert.StartsWith("fuzz.au: ", e.Message);
                }
            }, iter: 3000);
    }

    private static byte[] Patch(byte[] bytes, int at, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(at), value);
        return bytes;
    }
}
