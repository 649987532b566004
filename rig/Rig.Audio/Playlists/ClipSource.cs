namespace Rig.Audio.Playlists;

/// <summary>Where a playlist item's audio comes from.</summary>
public abstract record ClipSource
{
    /// <summary>Short description for logs and reports: "synth:jazz#2031" or the file path.</summary>
    public abstract string Describe();
}

/// <summary>A seeded procedural sound, rendered directly at the requested rate.</summary>
public sealed record SynthSource(string Sound, ulong Seed) : ClipSource
{
    public override string Describe() => $"synth:{Sound}#{Seed}";
}

/// <summary>
/// A WAV file (absolute path, resolved against the playlist's folder), with its header facts read
/// when the playlist was loaded.
/// </summary>
public sealed record FileSource(string Path, Wav.WavInfo Info) : ClipSource
{
    public override string Describe() => Path;
}
