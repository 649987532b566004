namespace Rig.Audio.Synthesis;

/// <summary>
/// Pneumatic hammer: impulsive broadband bursts at 10-25 Hz (the piston rate, seeded) with a short
/// metallic ring, over a low engine drone of harmonics of 30-60 Hz. Signature: energy in every band,
/// strongly modulated at the hammer rate.
/// </summary>
public sealed class Jackhammer : ISynthSound
{
    public string Name => "jackhammer";

    public void Render(ref Pcg32 rng, Span<float> output, int rate)
    {
        var hammerHz = rng.Uniform(10, 25);
        var engineHz = rng.Uniform(30, 60);
        var ringHz = rng.Uniform(900, 1700);
        var burstTau = rng.Uniform(0.006, 0.012);
        var engineLevel = rng.Uniform(0.15, 0.3);
        var peakDb = rng.Uniform(-6, -1);

        // Engine: band-limited sawtooth, softened by a low-pass, with a slow wobble.
        var engine = new float[output.Length];
        SynthKit.AddSaw(engine, 0, engine.Length, engineHz, rate, engineLevel, phase: rng.NextDouble());
        var lp = Biquad.LowPass(600, 0.7, rate);
        lp.Process(engine);
        for (var i = 0; i < output.Length; i++) output[i] += engine[i];

        // Hammer: one burst per stroke, a little timing jitter and level variation per stroke.
        var period = 1.0 / hammerHz;
        var t = rng.Uniform(0, period);
        var total = (double)output.Length / rate;
        while (t < total)
        {
            var start = (int)(t * rate);
            var amp = rng.Uniform(0.7, 1.0);
            var bp = Biquad.HighPass(rng.Uniform(150, 400), 0.7, rate);
            SynthKit.AddNoiseHit(output, ref rng, start, amp, burstTau, rate, bp);
            SynthKit.AddDecayingSine(output, start, ringHz * rng.Uniform(0.97, 1.03), amp * 0.35, 0.015, rate);
            t += period * rng.Uniform(0.96, 1.04);
        }
        SynthKit.NormalisePeak(output, peakDb);
    }
}
