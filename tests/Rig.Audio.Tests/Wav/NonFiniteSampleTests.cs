using System.Buffers.Binary;
using Rig.Audio.Playlists;
using Rig.Audio.Tests.Support;
using Rig.Audio.Wav;
using Rig.Core.Config;

namespace Rig.Audio.Tests.Wav;

/// <summary>Float files can hold what no header check sees: NaN, ±Infinity, doubles beyond the float range.</summary>
public class NonFiniteSampleTests
{
    private static byte[] Float32Wav(params float[] samples)
    {
        using var ms = new MemoryStream();
        WavWriter.Write(ms, samples, 8000, 1, WavEncoding.Float32);
        return ms.ToArray();
    }

    [Theory]
    [InlineData(float.PositiveInfinity, "+Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    [InlineData(float.NaN, "NaN")]
    public void A_float_wav_with_a_non_finite_sample_is_refused_naming_file_frame_and_value(float bad, string shown)
    {
        var bytes = Float32Wav(0.1f, 0.2f, 0.3f, bad, 0.5f);
        var e = Assert.Throws<InvalidDataException>(() => WavReader.Read(new MemoryStream(bytes), "hot.wav"));
        Assert.Equal($"hot.wav: sample frame 3 (at 0.000375 s) is {shown}; an audio file must hold finite samples", e.Message);
    }

    [Fact]
    public void A_double_beyond_the_float_range_is_refused()
    {
        var d = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(d, 1e300);
        var bytes = new RiffBuilder().Fmt(3, 1, 8000, 64).Data(d).Build();
        var e = Assert.Throws<InvalidDataException>(() => WavReader.Read(new MemoryStream(bytes), "huge.wav"));
        Assert.Contains("1E+300 (beyond the float range)", e.Message);
    }

    [Fact]
    public void A_playlist_refuses_the_file_with_its_line_before_anything_plays()
    {
        using var dir = new TempDir();
        var samples = new float[4000];
        samples[3000] = float.PositiveInfinity;
        WavWriter.WriteMono(dir.Sub("inf.wav"), samples, 8000, WavEncoding.Float32);
        WavWriter.WriteMono(dir.Sub("ok.wav"), new float[4000], 8000, WavEncoding.Float32);
        var path = dir.Write("list.yaml", """
            items:
              - {label: jazz, file: ok.wav}
              - {label: jazz, file: inf.wav}
            """);
        var error = Assert.Single(Assert.Throws<ConfigException>(() => Playlist.Load(path)).Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("items[1].file", error.Field);
        Assert.Contains("inf.wav: sample frame 3000 (at 0.375 s) is +Infinity", error.Reason);
    }

    [Fact]
    public void A_non_finite_sample_outside_the_clip_does_not_matter()
    {
        using var dir = new TempDir();
        var samples = new float[8000];
        samples[7999] = float.NaN;
        WavWriter.WriteMono(dir.Sub("tail.wav"), samples, 8000, WavEncoding.Float32);
        var path = dir.Write("list.yaml", "items:\n  - {label: jazz, file: tail.wav, duration: 0.5}\n");
        Assert.Equal(0.5, Playlist.Load(path).Items[0].DurationSeconds);
    }

    [Fact]
    public void Gain_on_a_far_beyond_full_scale_float_file_stays_finite()
    {
        using var dir = new TempDir();
        var samples = Enumerable.Repeat(3e37f, 4000).ToArray();
        WavWriter.WriteMono(dir.Sub("loud.wav"), samples, 8000, WavEncoding.Float32);
        var path = dir.Write("list.yaml", "items:\n  - {label: jazz, file: loud.wav, gain_db: 40}\n");
        var clip = ClipRenderer.Render(Playlist.Load(path).Items[0], 8000);
        Assert.All(clip, x => Assert.True(float.IsFinite(x)));
        Assert.Equal(32767, ClipRenderer.RenderQ15(Playlist.Load(path).Items[0], 8000)[2000]);
    }
}
