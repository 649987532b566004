namespace Rig.Audio.Synthesis;

/// <summary>
/// Barking: 1-3 short harmonic barks a second (0.12-0.3 s each), the pitch rising then gliding down
/// from 400-800 Hz, shaped by two formant band-passes, with near-silent gaps between. Signature:
/// mid-band harmonic bursts and quiet frames in between.
/// </summary>
public sealed class DogBark : ISynthSound
{
    public string Name => "dog_bark";

    public void Render(ref Pcg32 rng, Span<float> output, int sampleRate)
    {
        var barksPerSecond = rng.Uniform(1.2, 3.0);
        var basePitch = rng.Uniform(400, 800);
        var f1 = rng.Uniform(700, 1200);
        var f2 = rng.Uniform(1600, Math.Min(2800, sampleRate * 0.4));
        var peakDb = rng.Uniform(-6, -1);
        var total = (double)output.Length / sampleRate;

        var t = rng.Uniform(0.02, 0.3);
        var source = new float[(int)(0.35 * sampleRate) + 1];
        while (t < total)
        {
            var length = rng.Uniform(0.12, 0.3);
            var n = (int)(length * sampleRate);
            var start = (int)(t * sampleRate);
            var f0 = basePitch * rng.Uniform(0.9, 1.1);
            var amp = rng.Uniform(0.6, 1.0);
            RenderBark(ref rng, output, start, n, f0, f1, f2, amp, sampleRate, source);
            // Barks come in a loose rhythm: gaps are at least as long as a bark.
            t += length + Math.Max(length, rng.Uniform(0.5, 1.5) / barksPerSecond);
        }
        SynthKit.NormalisePeak(output, peakDb);

        // The gaps are not digital silence: a faint room noise sits under everything.
        var floor = SynthKit.DbToGain(rng.Uniform(-62, -54));
        for (var i = 0; i < output.Length; i++) output[i] += (float)(floor * rng.NextNoise());
    }

    private static void RenderBark(ref Pcg32 rng, Span<float> output, int start, int n, double f0, double f1, double f2, double amp, int sampleRate, float[] scratch)
    {
        var src = scratch.AsSpan(0, Math.Min(n, scratch.Length));
        src.Clear();
        n = src.Length;
        double phase = 0;
        for (var i = 0; i < n; i++)
        {
            var u = (double)i / n;
            // Pitch: quick rise over the first fifth, then a glide down to 70 % of the start.
            var pitch = f0 * (u < 0.2 ? 1 + 0.25 * u / 0.2 : 1.25 - 0.55 * (u - 0.2) / 0.8);
            var dt = pitch / sampleRate;
            var saw = 2 * phase - 1 - SynthKit.PolyBlep(phase, dt);
            phase += dt;
            if (phase >= 1) phase -= 1;
            src[i] = (float)(saw + 0.15 * rng.NextNoise());
        }
        var bp1 = Biquad.BandPass(f1, 4, sampleRate);
        var bp2 = Biquad.BandPass(f2, 5, sampleRate);
        var attack = 0.01 * sampleRate;
        for (var i = 0; i < n && start + i < output.Length; i++)
        {
            if (start + i < 0) continue;
            var env = Math.Min(1, i / attack) * Math.Exp(-3.0 * i / n);
            var y = bp1.Process(src[i]) + 0.7 * bp2.Process(src[i]) + 0.1 * src[i];
            output[start + i] += (float)(amp * env * y);
        }
    }
}
