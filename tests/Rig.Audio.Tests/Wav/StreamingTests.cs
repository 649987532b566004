using System.Buffers.Binary;
using Rig.Audio.Tests.Support;
using Rig.Audio.Wav;

namespace Rig.Audio.Tests.Wav;

/// <summary>
/// WAV input is streamed: an excerpt costs the excerpt, whatever the file's size. A file with a
/// 3 GB data chunk (past 2 GiB, which once overflowed an int) is simulated by a stream that stores
/// nothing, and the bytes actually read are counted.
/// </summary>
public class StreamingTests
{
    private const uint DataBytes = 3_000_000_000; // 16-bit stereo at 44.1 kHz: 17,006 s

    // Sample k of either channel is (short)k: the value says where it was read from.
    private static byte DataByte(long at) => (byte)((at / 4) >> (8 * (int)(at % 2)));

    private static SparseAudioStream HugeWav()
    {
        var header = new RiffBuilder().Fmt(1, 2, 44100, 16).Data([]).Build();
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(header.Length - 4), DataBytes);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)(header.Length - 8 + DataBytes));
        return new SparseAudioStream(header, header.Length + DataBytes, DataByte);
    }

    [Fact]
    public void A_data_chunk_over_2_GiB_is_listed_with_its_true_length()
    {
        var info = WavReader.ReadInfo(HugeWav(), "huge.wav");
        Assert.Equal(DataBytes / 4, info.Frames);
        Assert.Equal(DataBytes / 4 / 44100.0, info.DurationSeconds, 6);
    }

    [Fact]
    public void One_second_from_deep_inside_reads_one_second_of_bytes()
    {
        var stream = HugeWav();
        var info = WavReader.ReadInfo(stream, "huge.wav");
        const long first = 700_000_000; // 2.8 GB into the data
        var mono = WavReader.ReadMono(stream, info, first, 44100);
        Assert.Equal(44100, mono.Length);
        for (var k = 0; k < mono.Length; k += 997)
            Assert.Equal((short)(first + k) / 32768f, mono[k]);
        // The header and 44,100 frames of 4 bytes; nothing else of the 3 GB.
        Assert.InRange(stream.BytesRead, 44100 * 4, 44100 * 4 + 4096);
    }

    [Fact]
    public void A_request_past_the_end_returns_what_is_there()
    {
        var stream = HugeWav();
        var info = WavReader.ReadInfo(stream, "huge.wav");
        Assert.Equal(10, WavReader.ReadMono(stream, info, info.Frames - 10, 44100).Length);
        Assert.Empty(WavReader.ReadMono(stream, info, info.Frames + 5, 100));
    }

    [Fact]
    public void Decoding_a_whole_file_too_large_for_one_array_is_refused_not_overflowed()
    {
        var header = new RiffBuilder().Fmt(1, 1, 8000, 8).Data([]).Build();
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(header.Length - 4), uint.MaxValue - 1);
        var stream = new SparseAudioStream(header, header.Length + (long)uint.MaxValue - 1, _ => 128);
        var e = Assert.Throws<InvalidDataException>(() => WavReader.Read(stream, "wide.wav"));
        Assert.Contains("too many to decode at once", e.Message);
        Assert.True(stream.BytesRead < 1024);
    }

    [Fact]
    public void A_file_cut_short_after_it_was_listed_is_refused_when_read()
    {
        using var dir = new TempDir();
        var path = dir.Sub("shrinking.wav");
        WavWriter.WriteMono(path, new float[8000], 8000);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var info = WavReader.ReadInfo(stream, path);
        stream.SetLength(stream.Length - 1000);
        var e = Assert.Throws<InvalidDataException>(() => WavReader.ReadMono(stream, info, 7000, 1000));
        Assert.Contains("file ends before frame", e.Message);
    }
}
