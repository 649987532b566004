using BenchmarkDotNet.Attributes;
using Rig.Audio.Playlists;
using Rig.Audio.Resampling;
using Rig.Audio.Synthesis;

namespace Rig.Benchmarks;

/// <summary>
/// AUDIO target: rendering the whole reference playlist (every clip at the board rate) in under 2 s.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class AudioBenchmarks
{
    private Playlist _reference = null!;

    [Params(8000, 16000)]
    public int BoardRate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _reference = Playlist.LoadShipped("reference");
    }

    [Benchmark]
    public int RenderReferencePlaylist()
    {
        var total = 0;
        foreach (var item in _reference.Items) total += ClipRenderer.Render(item, BoardRate).Length;
        return total;
    }
}

/// <summary>AUDIO target: resampling 60 s of 44.1 kHz audio to 16 kHz in under 100 ms.</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class ResamplerBenchmarks
{
    private float[] _sixtySeconds = [];
    private PolyphaseResampler _resampler = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Broadband programme material rather than silence, so nothing is optimised away.
        _sixtySeconds = SynthSounds.Render("metal", 1, 60, 44100);
        _resampler = new PolyphaseResampler(44100, 16000);
    }

    /// <summary>Includes designing the filter, as a one-off file import would.</summary>
    [Benchmark]
    public int Resample60sOf44k1To16k() => PolyphaseResampler.Resample(_sixtySeconds, 44100, 16000).Length;

    [Benchmark]
    public int Resample60sOf44k1To16kPrebuiltFilter() => _resampler.Process(_sixtySeconds).Length;
}

/// <summary>
/// AUDIO target: one second rendered from a 1.2 GB WAV allocates about one second of audio, not the
/// file (the issue-14 figure: under 200 MB peak for the whole `rig sounds render`). The file is
/// written sparse in the temp folder: a real header, a tone where the clip is, holes elsewhere.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class LargeWavExcerptBenchmarks
{
    private const long DataBytes = 1_200_000_000; // 16-bit stereo at 44.1 kHz: 6,803 s
    private string _dir = "";
    private PlaylistItem _oneSecond = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("rig-bench-wav-").FullName;
        var wav = Path.Combine(_dir, "big.wav");
        var tone = SynthSounds.Render("jazz", 1, 1, 44100);
        var stereo = tone.SelectMany(x => new[] { x, x }).ToArray();
        using (var f = new FileStream(wav, FileMode.Create))
        {
            Rig.Audio.Wav.WavWriter.Write(f, stereo, 44100, 2, Rig.Audio.Wav.WavEncoding.Pcm16);
            f.SetLength(44 + DataBytes);
            f.Position = 40;
            f.Write(BitConverter.GetBytes((uint)DataBytes));
        }
        var list = Path.Combine(_dir, "big.yaml");
        File.WriteAllText(list, "items:\n  - {label: jazz, file: big.wav, trim: {start: 3000, end: 3001}}\n");
        _oneSecond = Playlist.Load(list).Items[0];
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark]
    public int RenderOneSecondFrom1200MbWav() => ClipRenderer.Render(_oneSecond, 16000).Length;
}
