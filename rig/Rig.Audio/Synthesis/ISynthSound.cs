namespace Rig.Audio.Synthesis;

/// <summary>One procedural sound. Renders n samples at a rate from a seeded generator, nothing else.</summary>
public interface ISynthSound
{
    string Name { get; }

    /// <summary>Fills <paramref name="output"/> (already zeroed). The caller applies the final level.</summary>
    void Render(ref Pcg32 rng, Span<float> output, int sampleRate);
}
