using Rig.Audio.Resampling;
using Rig.Audio.Synthesis;
using Rig.Audio.Wav;

namespace Rig.Audio.Playlists;

/// <summary>
/// Turns a playlist item into mono samples at a board's rate: synth sounds are rendered directly
/// at that rate; files are decoded, trimmed, resampled (Kaiser-windowed sinc) and cut to length.
/// Gain is applied last. Output length is always item.SampleCount(sampleRate). Deterministic.
/// </summary>
public static class ClipRenderer
{
    public static float[] Render(PlaylistItem item, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1000);
        var count = item.SampleCount(sampleRate);
        var samples = item.Source switch
        {
            SynthSource s => SynthSounds.Render(s.Sound, s.Seed, item.DurationSeconds, sampleRate),
            FileSource f => RenderFile(f, item.TrimStartSeconds, count, sampleRate),
            _ => throw new InvalidOperationException($"unknown source {item.Source}"),
        };
        if (item.GainDb != 0)
        {
            var g = (float)Math.Pow(10, item.GainDb / 20);
            for (var i = 0; i < samples.Length; i++) samples[i] *= g;
        }
        return samples;
    }

    /// <summary>The clip as Q15 samples (see <see cref="Q15Samples"/> for rounding and saturation).</summary>
    public static short[] RenderQ15(PlaylistItem item, int sampleRate) => Q15Samples.FromFloat(Render(item, sampleRate));

    private static float[] RenderFile(FileSource f, double trimStart, int count, int sampleRate)
    {
        var wav = WavReader.Read(f.Path);
        var srcRate = wav.SampleRate;
        var first = (int)Math.Round(trimStart * srcRate);
        var srcCount = (int)Math.Ceiling((double)count * srcRate / sampleRate);
        srcCount = Math.Min(srcCount, wav.Mono.Length - first);
        var excerpt = wav.Mono.AsSpan(first, Math.Max(0, srcCount));
        var resampled = PolyphaseResampler.Resample(excerpt, srcRate, sampleRate);
        var output = new float[count];
        resampled.AsSpan(0, Math.Min(count, resampled.Length)).CopyTo(output);
        return output;
    }
}
