namespace Rig.Audio.Synthesis;

/// <summary>
/// Metal: heavily distorted power chords (root, fifth, octave through a hard tanh clipper) chugging
/// in eighth notes at 150-220 BPM, a double kick in sixteenths and a snare on 2 and 4. Signature:
/// dense energy across the whole band, loud and nearly continuous.
/// </summary>
public sealed class Metal : ISynthSound
{
    public string Name => "metal";

    private static readonly int[] Riff = [0, 0, 3, 0, 5, 0, 6, 5, 0, 0, 7, 0, 5, 3, 0, 3];

    public void Render(ref Pcg32 rng, Span<float> output, int sampleRate)
    {
        var bpm = rng.Uniform(150, 220);
        var beat = 60.0 / bpm;
        var root = rng.Uniform(70, 110);
        var drive = rng.Uniform(8, 20);
        var peakDb = rng.Uniform(-4, -0.5);
        var offset = rng.Uniform(0, beat);
        var total = (double)output.Length / sampleRate;
        var riffStart = rng.Int(0, Riff.Length - 1);

        // Guitar: power chord per eighth note, palm-muted chugs decay fast, accents ring longer.
        var guitar = new float[output.Length];
        var eighth = beat / 2;
        for (var e = -2; e * eighth - offset < total; e++)
        {
            var s = (int)((e * eighth + (beat - offset)) * sampleRate);
            var n = (int)(eighth * sampleRate);
            var f = root * Math.Pow(2, Riff[(e + 2 + riffStart) % Riff.Length] / 12.0);
            var tau = rng.Chance(0.3) ? 0.3 : 0.07;
            SynthKit.AddSaw(guitar, s, n, f, sampleRate, 1.0, tau);
            SynthKit.AddSaw(guitar, s, n, f * 1.4983, sampleRate, 0.8, tau);
            SynthKit.AddSaw(guitar, s, n, f * 2, sampleRate, 0.6, tau);
        }
        var cabinet = Biquad.LowPass(Math.Min(sampleRate * 0.45, 5000), 0.8, sampleRate);
        for (var i = 0; i < guitar.Length; i++)
            output[i] += (float)(0.6 * cabinet.Process(Math.Tanh(drive * guitar[i])));

        // Drums: double kick on every sixteenth, snare on beats 2 and 4.
        var sixteenth = beat / 4;
        for (var k = -1; k * sixteenth - offset < total; k++)
        {
            var t = k * sixteenth + (beat - offset);
            var s = (int)(t * sampleRate);
            SynthKit.AddKick(output, s, 120, 55, 0.7, 0.04, sampleRate);
            var click = Biquad.HighPass(2000, 0.7, sampleRate);
            SynthKit.AddNoiseHit(output, ref rng, s, 0.25, 0.004, sampleRate, click);
            if (k % 8 == 4)
            {
                var snare = Biquad.BandPass(1800, 0.8, sampleRate);
                SynthKit.AddNoiseHit(output, ref rng, s, 0.8, 0.06, sampleRate, snare);
                SynthKit.AddDecayingSine(output, s, 190, 0.4, 0.05, sampleRate);
            }
        }
        SynthKit.NormalisePeak(output, peakDb);
    }
}
