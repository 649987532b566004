namespace Rig.Audio.Playlists;

/// <summary>
/// A seeded synth sound mixed under (or over) a playlist item: it is rendered for the item's
/// duration and scaled so that the item's own RMS over this sound's RMS is <see cref="SnrDb"/>
/// (negative: the interferer is louder than the labelled sound).
/// </summary>
public sealed record Interferer(string Sound, ulong Seed, double SnrDb)
{
    public string Describe() => $"synth:{Sound}#{Seed}@{SnrDb:0.#}dB";
}
