using Rig.Audio.Mixing;
using Rig.Audio.Resampling;
using Rig.Audio.Synthesis;
using Rig.Audio.Wav;

namespace Rig.Audio.Playlists;

/// <summary>
/// Turns a playlist item into mono samples at a board's rate: synth sounds are rendered directly
/// at that rate; files are decoded, trimmed, resampled (Kaiser-windowed sinc) and cut to length.
/// Interferers (mix:) are then added at their SNR over the source, the mixture goes through the
/// room's reverb, a mixture beyond full scale is turned down to -1 dBFS peak, and gain is applied
/// last. Output length is always item.SampleCount(sampleRate). Deterministic.
/// </summary>
public static class ClipRenderer
{
    /// <summary>-1 dBFS.</summary>
    private const double FullScalePeak = 0.891;

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
        if (item.Mix.Count > 0 || item.Reverb is not null)
        {
            var signalRms = SnrMixer.Rms(samples);
            foreach (var m in item.Mix)
                SnrMixer.AddAt(samples, signalRms, SynthSounds.Render(m.Sound, m.Seed, item.DurationSeconds, sampleRate).AsSpan(0, samples.Length), m.SnrDb);
            if (item.Reverb is { } room) SchroederReverb.Apply(samples, sampleRate, room.Rt60Seconds, room.Wet);
            SnrMixer.LimitPeak(samples, FullScalePeak);
        }
        if (item.GainDb != 0)
        {
            var g = (float)Math.Pow(10, item.GainDb / 20);
            // A float file may hold finite samples far beyond full scale; the gain must not turn them into infinities.
            for (var i = 0; i < samples.Length; i++) samples[i] = Math.Clamp(samples[i] * g, -float.MaxValue, float.MaxValue);
        }
        return samples;
    }

    /// <summary>The clip as Q15 samples (see <see cref="Q15Samples"/> for rounding and saturation).</summary>
    public static short[] RenderQ15(PlaylistItem item, int sampleRate) => Q15Samples.FromFloat(Render(item, sampleRate));

    // Only the excerpt is read from the file (streamed), so memory follows the clip, not the file.
    private static float[] RenderFile(FileSource f, double trimStart, int count, int sampleRate)
    {
        var srcRate = f.Info.SampleRate;
        var first = (long)Math.Round(trimStart * srcRate);
        var srcCount = (int)Math.Ceiling((double)count * srcRate / sampleRate);
        var wav = WavReader.ReadExcerpt(f.Path, first, srcCount);
        if (wav.SampleRate != srcRate) throw new InvalidDataException($"{f.Path}: sample rate changed since the playlist was loaded");
        var resampled = PolyphaseResampler.Resample(wav.Mono, srcRate, sampleRate);
        var output = new float[count];
        resampled.AsSpan(0, Math.Min(count, resampled.Length)).CopyTo(output);
        return output;
    }
}
