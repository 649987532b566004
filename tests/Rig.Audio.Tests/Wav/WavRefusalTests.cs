using CsCheck;
using Rig.Audio.Tests.Support;
using Rig.Audio.Wav;

namespace Rig.Audio.Tests.Wav;

public class WavRefusalTests
{
    private static string Refusal(byte[] bytes, string name = "bark.wav") =>
        Assert.Throws<InvalidDataException>(() => WavReader.Read(new MemoryStream(bytes), name)).Message;

    [Fact]
    public void A_truncated_data_chunk_says_how_much_was_claimed_and_how_much_is_there()
    {
        var bytes = new RiffBuilder().Fmt(1, 1, 44100, 16).Data(new byte[1204], claimedSize: 88200).Build();
        Assert.Equal("bark.wav: data chunk claims 88200 bytes, 1204 present", Refusal(bytes));
    }

    [Fact]
    public void Zero_samples_is_refused()
    {
        var bytes = new RiffBuilder().Fmt(1, 1, 16000, 16).Data([]).Build();
        Assert.Equal("empty.wav: data chunk holds 0 samples", Refusal(bytes, "empty.wav"));
    }

    [Fact]
    public void Seven_channels_is_refused_with_the_limit()
    {
        var bytes = new RiffBuilder().Fmt(1, 7, 48000, 16).Data(new byte[14 * 10]).Build();
        var message = Refusal(bytes, "surround.wav");
        Assert.StartsWith("surround.wav: 7 channels is not supported", message);
        Assert.Contains("at most 6", message);
    }

    [Fact]
    public void A_1_Hz_sample_rate_is_refused()
    {
        var bytes = new RiffBuilder().Fmt(1, 1, 1, 16).Data(RiffBuilder.Pcm16(1, 2)).Build();
        Assert.Equal("slow.wav: sample rate 1 Hz is outside 4000..768000 Hz", Refusal(bytes, "slow.wav"));
    }

    [Theory]
    [InlineData("noriff", "not a RIFF file")]
    [InlineData("nodata", "no data chunk")]
    [InlineData("nofmt", "data chunk comes before the fmt chunk")]
    [InlineData("bits12", "PCM with 12 bits per sample is not supported")]
    [InlineData("mp3", "format tag 0x0055 is not supported")]
    [InlineData("align", "block align 3 does not match 1 channels of 16 bits (2)")]
    [InlineData("partial", "data chunk of 5 bytes is not a whole number of 2-byte frames")]
    [InlineData("zerochannels", "0 channels")]
    public void Malformed_files_say_why(string kind, string reason)
    {
        var bytes = kind switch
        {
            "noriff" => "JUNKJUNKJUNKJUNK"u8.ToArray(),
            "nodata" => new RiffBuilder().Fmt(1, 1, 8000, 16).Build(),
            "nofmt" => new RiffBuilder().Data(RiffBuilder.Pcm16(1)).Build(),
            "bits12" => new RiffBuilder().Fmt(1, 1, 8000, 12, 2).Data(RiffBuilder.Pcm16(1)).Build(),
            "mp3" => new RiffBuilder().Fmt(0x55, 1, 8000, 16).Data(RiffBuilder.Pcm16(1)).Build(),
            "align" => new RiffBuilder().Fmt(1, 1, 8000, 16, 3).Data(RiffBuilder.Pcm16(1)).Build(),
            "partial" => new RiffBuilder().Fmt(1, 1, 8000, 16).Data([1, 2, 3, 4, 5]).Build(),
            "zerochannels" => new RiffBuilder().Fmt(1, 0, 8000, 16, 0).Data(RiffBuilder.Pcm16(1)).Build(),
            _ => throw new ArgumentException(kind),
        };
        var message = Refusal(bytes, "bad.wav");
        Assert.StartsWith("bad.wav: ", message);
        Assert.Contains(reason, message);
    }

    [Fact]
    public void A_missing_file_is_file_not_found()
    {
        var e = Assert.Throws<FileNotFoundException>(() => WavReader.Read("/nonexistent/dir/x.wav"));
        Assert.Contains("/nonexistent/dir/x.wav", e.Message);
    }

    [Fact]
    public void Corrupted_bytes_are_either_read_or_refused_never_a_crash()
    {
        using var ms = new MemoryStream();
        WavWriter.Write(ms, Signals.Sine(300, 8000, 64), 8000, 1, WavEncoding.Pcm16, extensible: true);
        var good = ms.ToArray();
        Gen.Select(Gen.Int[0, good.Length - 1].Array[1, 6], Gen.Byte.Array[6], Gen.Int[0, good.Length])
            .Sample((positions, values, cut) =>
            {
                var bytes = good.ToArray();
                for (var i = 0; i < positions.Length; i++) bytes[positions[i]] = values[i];
                bytes = bytes[..cut];
                try
                {
                    var wav = WavReader.Read(new MemoryStream(bytes), "fuzz.wav");
                    Assert.True(wav.Mono.Length > 0);
                }
                catch (InvalidDataException e)
                {
                    Assert.StartsWith("fuzz.wav: ", e.Message);
                }
            }, iter: 2000);
    }
}
