namespace Rig.Audio.Synthesis;

/// <summary>
/// Room background: faint pink noise, mains hum at 50 or 60 Hz with its odd harmonics, and stretches
/// of near-silence where the noise drops by 15-25 dB. Signature: quiet everywhere, a hum line at the
/// bottom, no events.
/// </summary>
public sealed class Background : ISynthSound
{
    public string Name => "background";

    public void Render(ref Pcg32 rng, Span<float> output, int sampleRate)
    {
        var mains = rng.Chance(0.5) ? 50.0 : 60.0;
        var noiseDb = rng.Uniform(-62, -50);
        var humDb = rng.Uniform(-56, -44);
        var pink = new PinkNoise(sampleRate);
        var noiseGain = SynthKit.DbToGain(noiseDb);
        // The noise level wanders between normal and near-silent in slow segments.
        var segment = (int)(rng.Uniform(0.3, 0.8) * sampleRate);
        var level = 1.0;
        var target = 1.0;
        for (var i = 0; i < output.Length; i++)
        {
            if (i % segment == 0) target = rng.Chance(0.35) ? SynthKit.DbToGain(-rng.Uniform(15, 25)) : 1.0;
            level += (target - level) * (50.0 / sampleRate);
            output[i] = (float)(noiseGain * 3 * level * pink.Next(ref rng));
        }
        var humGain = SynthKit.DbToGain(humDb);
        var phase = rng.Uniform(0, 2 * Math.PI);
        for (var h = 1; h <= 7; h += 2)
            for (var i = 0; i < output.Length; i++)
                output[i] += (float)(humGain / h * Math.Sin(2 * Math.PI * mains * h * i / sampleRate + phase * h));
    }
}
