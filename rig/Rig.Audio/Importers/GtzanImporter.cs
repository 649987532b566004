namespace Rig.Audio.Importers;

/// <summary>
/// GTZAN (genres/&lt;genre&gt;/*.wav, 30 s tracks). disco, jazz and metal are rig labels; the other
/// genres are skipped and counted. Tracks are cut to their first ImportOptions.MaxSeconds.
/// </summary>
public static class GtzanImporter
{
    public static readonly IReadOnlyDictionary<string, string> ClassMap = new Dictionary<string, string>
    {
        ["disco"] = "disco",
        ["jazz"] = "jazz",
        ["metal"] = "metal",
    };

    public static ImportResult Import(string root, string playlistPath, ImportOptions? options = null)
    {
        var genres = Path.Combine(root, "genres");
        if (!Directory.Exists(genres)) throw new DirectoryNotFoundException($"{genres}: folder not found (expected GTZAN's genres/<genre>/*.wav)");
        var entries = Directory.GetDirectories(genres).OrderBy(d => d, StringComparer.Ordinal)
            .SelectMany(d => Directory.GetFiles(d, "*.wav").OrderBy(f => f, StringComparer.Ordinal).Select(f => (f, Path.GetFileName(d))));
        return DatasetImporter.Import("gtzan", entries, ClassMap, playlistPath, options ?? new ImportOptions());
    }
}
