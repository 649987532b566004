namespace Rig.Audio.Synthesis;

/// <summary>
/// Small-combo swing: a ride cymbal playing "ding, ding-ga-ding" with swung eighths (inharmonic
/// partials, long decay), a walking bass in quarter notes, and seventh chords comped on a soft
/// electric-piano tone at irregular swung positions. Signature: tonal middle (chords 200-900 Hz),
/// soft bass, sustained sparse highs, no broadband hits.
/// </summary>
public sealed class Jazz : ISynthSound
{
    public string Name => "jazz";

    // Seventh-chord shapes in semitones above the chord root: maj7, m7, dom7, m7b5.
    private static readonly int[][] Chords = [[0, 4, 7, 11], [0, 3, 7, 10], [0, 4, 7, 10], [0, 3, 6, 10]];
    private static readonly int[] Walk = [0, 2, 4, 5, 7, 9, 10, 12, 11, 9, 7, 5, 4, 2];
    private static readonly double[] RideRatios = [1.0, 1.34, 1.69, 2.05, 2.41];

    public void Render(ref Pcg32 rng, Span<float> output, int sampleRate)
    {
        var bpm = rng.Uniform(110, 180);
        var beat = 60.0 / bpm;
        var swing = rng.Uniform(0.62, 0.7);
        var bassRoot = rng.Uniform(55, 82);
        var chordRoot = rng.Uniform(220, 330);
        var rideHz = rng.Uniform(1100, 1500);
        var peakDb = rng.Uniform(-10, -4);
        var offset = rng.Uniform(0, beat);
        var total = (double)output.Length / sampleRate;
        var walk = rng.Int(0, Walk.Length - 1);

        for (var b = -1; b * beat - offset < total; b++)
        {
            var t = b * beat + (beat - offset);
            var s = (int)(t * sampleRate);
            // Ride on every beat, plus the swung "ga" before beats 2 and 4.
            AddRide(output, ref rng, s, rideHz, 0.18, sampleRate);
            if (b % 2 == 1) AddRide(output, ref rng, (int)((t + swing * beat) * sampleRate), rideHz, 0.12, sampleRate);

            // Walking bass: one step of the walk per beat, plucked.
            walk = (walk + (rng.Chance(0.8) ? 1 : Walk.Length - 1)) % Walk.Length;
            var bassHz = bassRoot * Math.Pow(2, Walk[walk] / 12.0);
            SynthKit.AddDecayingSine(output, s, bassHz, 0.5, 0.25, sampleRate, beat);
            SynthKit.AddDecayingSine(output, s, bassHz * 2, 0.2, 0.15, sampleRate, beat);

            // Comping: a seventh chord on most beats, on the beat or swung late.
            if (rng.Chance(0.7))
            {
                var shape = Chords[rng.Int(0, Chords.Length - 1)];
                var root = chordRoot * Math.Pow(2, rng.Int(0, 7) / 12.0);
                var at = s + (rng.Chance(0.5) ? 0 : (int)(swing * beat * sampleRate));
                foreach (var interval in shape)
                {
                    var f = root * Math.Pow(2, interval / 12.0);
                    SynthKit.AddDecayingSine(output, at, f, 0.16, 0.35, sampleRate, 1.2);
                    SynthKit.AddDecayingSine(output, at, f * 2, 0.04, 0.2, sampleRate, 0.8);
                }
            }
        }
        SynthKit.NormalisePeak(output, peakDb);
    }

    private static void AddRide(Span<float> output, ref Pcg32 rng, int start, double baseHz, double amp, int sampleRate)
    {
        foreach (var r in RideRatios)
            SynthKit.AddDecayingSine(output, start, baseHz * r * rng.Uniform(0.995, 1.005), amp / RideRatios.Length, 0.5, sampleRate, 1.0);
        var shimmer = Biquad.BandPass(Math.Min(sampleRate * 0.4, 3500), 2, sampleRate);
        SynthKit.AddNoiseHit(output, ref rng, start, amp * 0.1, 0.05, sampleRate, shimmer);
    }
}
