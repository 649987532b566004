namespace Rig.Audio.Synthesis;

/// <summary>
/// The rig's reference sounds, one per label. Rendering is a pure function of (name, seed,
/// duration, rate): the generator is PCG32 seeded with the seed on a stream derived from the
/// name, and the sounds never read a clock.
/// </summary>
public static class SynthSounds
{
    private static readonly ISynthSound[] Sounds =
    [
        new Jackhammer(), new DogBark(), new Disco(), new Jazz(), new Metal(), new Background(),
    ];

    public static IReadOnlyList<string> Names { get; } = Sounds.Select(s => s.Name).ToArray();

    public static bool IsKnown(string name) => Sounds.Any(s => s.Name == name);

    public static float[] Render(string name, ulong seed, double seconds, int sampleRate)
    {
        var sound = Sounds.FirstOrDefault(s => s.Name == name)
            ?? throw new ArgumentException($"unknown sound '{name}' (expected one of: {string.Join(", ", Names)})", nameof(name));
        if (!(seconds > 0) || seconds > 3600) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "duration must be in (0, 3600] s");
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 4000);
        var output = new float[(int)Math.Round(seconds * sampleRate)];
        var rng = Pcg32.For(name, seed);
        sound.Render(ref rng, output, sampleRate);
        return output;
    }
}
