using Rig.Audio.Playlists;

namespace Rig.Audio.Importers;

/// <summary>One dataset file that maps onto a rig label, ready to be written as a playlist item.</summary>
public sealed record ImportedClip(string FilePath, string Label, string SourceClass, double DurationSeconds);

/// <summary>
/// What an import did: the playlist written (null when no clip could be imported, in which case
/// nothing is written), how many clips per label went in, which dataset classes were left out
/// because the rig has no label for them (with counts), clips left out by --max-per-label (per
/// label), and every file that could not be used, each with its reason.
/// </summary>
public sealed record ImportResult(
    string? PlaylistPath,
    IReadOnlyDictionary<string, int> ImportedByLabel,
    IReadOnlyDictionary<string, int> SkippedByClass,
    IReadOnlyList<string> Problems)
{
    public IReadOnlyDictionary<string, int> OverLimitByLabel { get; init; } = new Dictionary<string, int>();
    public int Imported => ImportedByLabel.Values.Sum();
    public int Skipped => SkippedByClass.Values.Sum();
    public int OverLimit => OverLimitByLabel.Values.Sum();
}

/// <summary>Import limits: clips longer than MaxSeconds are cut to their first MaxSeconds; at most MaxPerLabel clips per label.</summary>
public sealed record ImportOptions(double MaxSeconds = 4, int? MaxPerLabel = null)
{
    /// <summary>What is wrong with these options, as (option, reason); empty when they are usable.</summary>
    public IEnumerable<(string Option, string Reason)> Problems()
    {
        if (!double.IsFinite(MaxSeconds) || MaxSeconds < PlaylistLoader.MinClipSeconds || MaxSeconds > PlaylistLoader.MaxClipSeconds)
            yield return ("--max-seconds", $"{MaxSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} is not a clip length in [{PlaylistLoader.MinClipSeconds}, {PlaylistLoader.MaxClipSeconds}] s");
        if (MaxPerLabel is < 1)
            yield return ("--max-per-label", $"{MaxPerLabel} must be at least 1 (leave it out to take every clip)");
    }

    public void Validate()
    {
        foreach (var (option, reason) in Problems()) throw new ArgumentOutOfRangeException(option, reason);
    }
}
