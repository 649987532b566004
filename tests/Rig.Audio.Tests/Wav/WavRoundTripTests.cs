using CsCheck;
using Rig.Audio.Tests.Support;
using Rig.Audio.Wav;

namespace Rig.Audio.Tests.Wav;

public class WavRoundTripTests
{
    private static double Tolerance(WavEncoding e) => e switch
    {
        WavEncoding.Pcm8 => 1.0 / 128,
        WavEncoding.Pcm16 => 1.0 / 32768,
        WavEncoding.Pcm24 => 1.0 / 8388608,
        WavEncoding.Pcm32 => 1e-6, // float mono sum limits the check, not the format
        WavEncoding.MuLaw or WavEncoding.ALaw => 1024.0 / 32768, // G.711's widest segment step near full scale
        _ => 1e-6,
    };

    [Fact]
    public void Every_encoding_channel_count_and_header_style_reads_back_as_the_channel_average()
    {
        Gen.Select(Gen.Int[0, WavWriter.Encodings.Count - 1].Select(i => WavWriter.Encodings[i]), Gen.Int[1, WavLimits.MaxChannels], Gen.Int[WavLimits.MinSampleRate, 192_000], Gen.Bool,
                Gen.Float[-0.99f, 0.99f].Array[1, 300])
            .Sample((encoding, channels, rate, extensible, values) =>
            {
                var frames = values.Length / channels;
                if (frames == 0) return;
                var interleaved = values.AsSpan(0, frames * channels).ToArray();
                using var ms = new MemoryStream();
                WavWriter.Write(ms, interleaved, rate, channels, encoding, extensible);
                ms.Position = 0;
                var wav = WavReader.Read(ms, "x.wav");
                Assert.Equal(encoding, wav.Info.Encoding);
                Assert.Equal(channels, wav.Info.Channels);
                Assert.Equal(rate, wav.SampleRate);
                Assert.Equal(extensible, wav.Info.Extensible);
                Assert.Equal(frames, wav.Mono.Length);
                for (var f = 0; f < frames; f++)
                {
                    var expected = 0.0;
                    for (var c = 0; c < channels; c++) expected += interleaved[f * channels + c];
                    expected /= channels;
                    Assert.InRange(wav.Mono[f], expected - Tolerance(encoding), expected + Tolerance(encoding));
                }
            }, iter: 300);
    }

    [Fact]
    public void Pcm16_codes_are_exact_and_full_scale_saturates()
    {
        using var ms = new MemoryStream();
        WavWriter.Write(ms, [1.0f, -1.0f, 0.5f, 1.5f, -3f, 1f / 32768], 16000, 1, WavEncoding.Pcm16);
        ms.Position = 0;
        var wav = WavReader.Read(ms, "x.wav");
        Assert.Equal(new[] { 32767 / 32768f, -1f, 0.5f, 32767 / 32768f, -1f, 1f / 32768 }, wav.Mono);
    }

    [Fact]
    public void Unknown_chunks_of_odd_and_even_size_are_skipped()
    {
        var bytes = new RiffBuilder()
            .Chunk("LIST", [1, 2, 3])          // odd size: followed by a pad byte
            .Fmt(1, 1, 8000, 16)
            .Chunk("fact", [0, 0, 0, 0])
            .Chunk("bext", new byte[7])
            .Data(RiffBuilder.Pcm16(100, -200, 300))
            .Chunk("id3 ", [9, 9])
            .Build();
        var wav = WavReader.Read(new MemoryStream(bytes), "chunks.wav");
        Assert.Equal(new[] { 100 / 32768f, -200 / 32768f, 300 / 32768f }, wav.Mono);
    }

    [Fact]
    public void Eight_bit_is_unsigned_and_24_bit_is_sign_extended()
    {
        var pcm8 = new RiffBuilder().Fmt(1, 1, 8000, 8).Data([0, 128, 255, 64]).Build();
        Assert.Equal(new[] { -1f, 0f, 127 / 128f, -0.5f }, WavReader.Read(new MemoryStream(pcm8), "a.wav").Mono);
        var pcm24 = new RiffBuilder().Fmt(1, 1, 8000, 24).Data([0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x80]).Build();
        Assert.Equal(new[] { -1f / 8388608, -1f }, WavReader.Read(new MemoryStream(pcm24), "b.wav").Mono);
    }

    [Fact]
    public void Files_on_disk_read_like_streams()
    {
        using var dir = new TempDir();
        var path = dir.Sub("tone.wav");
        var tone = Signals.Sine(440, 22050, 2205);
        WavWriter.WriteMono(path, tone, 22050, WavEncoding.Float32);
        var info = WavReader.ReadInfo(path);
        Assert.Equal(2205, info.Frames);
        Assert.Equal(0.1, info.DurationSeconds, 9);
        Assert.Equal(tone, WavReader.Read(path).Mono);
    }
}
