namespace Rig.Audio.Synthesis;

/// <summary>
/// Disco: four-on-the-floor kick at 112-132 BPM, an open hi-hat on every off-beat, a hand clap on
/// beats 2 and 4, and an octave-jumping bass line in eighth notes. Signature: strong low and high
/// bands pulsing at the beat, a thin middle.
/// </summary>
public sealed class Disco : ISynthSound
{
    public string Name => "disco";

    private static readonly int[] Progression = [0, 5, 3, 7, 0, 10, 5, 2];

    public void Render(ref Pcg32 rng, Span<float> output, int sampleRate)
    {
        var bpm = rng.Uniform(112, 132);
        var beat = 60.0 / bpm;
        var rootHz = rng.Uniform(41, 62);
        var peakDb = rng.Uniform(-6, -1);
        var hatDecay = rng.Uniform(0.06, 0.12);
        var hatCorner = Math.Min(sampleRate * 0.3, rng.Uniform(5500, 7000));
        var offset = rng.Uniform(0, beat);
        var progressionStart = rng.Int(0, Progression.Length - 1);
        var total = (double)output.Length / sampleRate;

        for (var b = -1; b * beat - offset < total; b++)
        {
            var t = b * beat + (beat - offset);
            var s = (int)(t * sampleRate);
            SynthKit.AddKick(output, s, 160, 50, 1.0, 0.12, sampleRate);
            var hatFilter = Biquad.HighPass(hatCorner, 0.7, sampleRate);
            SynthKit.AddNoiseHit(output, ref rng, (int)((t + beat / 2) * sampleRate), rng.Uniform(0.2, 0.3), hatDecay, sampleRate, hatFilter);
            if (b % 2 == 1)
            {
                var clap = Biquad.BandPass(1500, 1.5, sampleRate);
                SynthKit.AddNoiseHit(output, ref rng, s, 0.35, 0.03, sampleRate, clap);
            }
            // Octave bass: root on the beat, the octave on the off-beat; the root walks a progression per bar.
            var bar = (b < 0 ? 0 : b / 4) + progressionStart;
            var note = rootHz * Math.Pow(2, Progression[bar % Progression.Length] / 12.0);
            var eighth = (int)(beat / 2 * sampleRate);
            SynthKit.AddSaw(output, s, eighth, note, sampleRate, 0.35, 0.12);
            SynthKit.AddSaw(output, s + eighth, eighth, note * 2, sampleRate, 0.3, 0.12);
        }
        var smooth = Biquad.LowPass(Math.Min(sampleRate * 0.45, 9000), 0.7, sampleRate);
        smooth.Process(output);
        SynthKit.NormalisePeak(output, peakDb);
    }
}
