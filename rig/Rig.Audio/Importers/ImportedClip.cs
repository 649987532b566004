namespace Rig.Audio.Importers;

/// <summary>One dataset file that maps onto a rig label, ready to be written as a playlist item.</summary>
public sealed record ImportedClip(string FilePath, string Label, string SourceClass, double DurationSeconds);

/// <summary>
/// What an import did: the playlist written, how many clips per label went in, which dataset classes
/// were left out because the rig has no label for them (with counts), and files that could not be used.
/// </summary>
public sealed record ImportResult(
    string PlaylistPath,
    IReadOnlyDictionary<string, int> ImportedByLabel,
    IReadOnlyDictionary<string, int> SkippedByClass,
    IReadOnlyList<string> Problems)
{
    public int Imported => ImportedByLabel.Values.Sum();
    public int Skipped => SkippedByClass.Values.Sum();
}

/// <summary>Import limits: clips longer than MaxSeconds are cut to their first MaxSeconds; at most MaxPerLabel clips per label.</summary>
public sealed record ImportOptions(double MaxSeconds = 4, int? MaxPerLabel = null)
{
    public void Validate()
    {
        if (!(MaxSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(MaxSeconds), MaxSeconds, "must be positive");
        if (MaxPerLabel is < 1) throw new ArgumentOutOfRangeException(nameof(MaxPerLabel), MaxPerLabel, "must be at least 1");
    }
}
