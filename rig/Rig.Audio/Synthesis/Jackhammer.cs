namespace Rig.Audio.Synthesis;

/// <summary>
/// Pneumatic hammer: impulsive broadband bursts at 10-25 Hz (the piston sampleRate, seeded) with a short
/// metallic ring, over a low engine drone of harmonics of 30-60 Hz. Signature: energy in every band,
/// strongly modulated at the hammer sampleRate.
/// </summary>
public sealed class Jackhammer : ISynthSound
{
    public string Name => "jackhammer";

    public void Render(ref Pcg32 rng, Span<float> output, int sampleRate)
    {
        var hammerHz = rng.Uniform(10, 25);
        var engineHz = rng.Uniform(30, 60);
        var ringHz = rng.Uniform(900, 1700);
        var burstTau = rng.Uniform(0.006, 0.012);
        var engineLevel = rng.Uniform(0.15, 0.3);
        var peakDb = rng.Uniform(-6, -1);

        // Engine: band-limited sawtooth, softened by a low-pass, with a slow wobble.
        var engine = new float[output.Length];
        SynthKit.AddSaw(engine, 0, engine.Length, engineHz, sampleRate, engineLevel, phase: rng.NextDouble());
        var lp = Biquad.LowPass(600, 0.7, sampleRate);
        lp.Process(engine);
        for (var i = 0; i < output.Length; i++) output[i] += engine[i];

        // Hammer: one burst per stroke, a little timing jitter and level variation per stroke.
        var period = 1.0 / hammerHz;
        var t = rng.Uniform(0, period);
        var total = (double)output.Length / sampleRate;
        while (t < total)
        {
            var start = (int)(t * sampleRate);
            var amp = rng.Uniform(0.7, 1.0);
            var bp = Biquad.HighPass(rng.Uniform(150, 400), 0.7, sampleRate);
            SynthKit.AddNoiseHit(output, ref rng, start, amp, burstTau, sampleRate, bp);
            SynthKit.AddDecayingSine(output, start, ringHz * rng.Uniform(0.97, 1.03), amp * 0.35, 0.015, sampleRate);
            t += period * rng.Uniform(0.96, 1.04);
        }
        SynthKit.NormalisePeak(output, peakDb);
    }
}
