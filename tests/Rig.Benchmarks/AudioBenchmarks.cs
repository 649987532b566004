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
