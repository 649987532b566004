namespace Rig.Audio.Importers;

/// <summary>
/// GTZAN (30 s tracks, one folder per genre). Both layouts in circulation are read: the original
/// tarball's genres/&lt;genre&gt;/&lt;genre&gt;.00000.au (Sun .au, 22,050 Hz) and the widespread
/// re-encoding Data/genres_original/&lt;genre&gt;/&lt;genre&gt;.00000.wav; the root may also be the
/// genres folder itself. disco, jazz and metal are rig labels; the other genres are skipped and
/// counted. Files that are not .wav or .au (the original's .mf lists, stray files) are reported.
/// Tracks are cut to their first ImportOptions.MaxSeconds.
/// </summary>
public static class GtzanImporter
{
    public static readonly IReadOnlyDictionary<string, string> ClassMap = new Dictionary<string, string>
    {
        ["disco"] = "disco",
        ["jazz"] = "jazz",
        ["metal"] = "metal",
    };

    /// <summary>GTZAN's ten genres: a folder holding some of them as sub-folders is a genres folder.</summary>
    public static readonly IReadOnlyList<string> Genres =
        ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];

    private static readonly string[] Layouts = ["genres", "genres_original", Path.Combine("Data", "genres_original"), "."];

    public static ImportResult Import(string root, string playlistPath, ImportOptions? options = null)
    {
        var genres = FindGenres(root);
        var problems = new List<string>();
        foreach (var stray in Directory.GetFiles(genres).Order(StringComparer.Ordinal))
            problems.Add($"{stray}: not inside a genre folder, skipped");
        var entries = new List<(string, string)>();
        foreach (var dir in Directory.GetDirectories(genres).Order(StringComparer.Ordinal))
        {
            var genre = Path.GetFileName(dir);
            foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
            {
                var ext = Path.GetExtension(file).ToLowerInvariant();
                if (ext is ".wav" or ".au") entries.Add((file, genre));
                else problems.Add($"{file}: not a .wav or .au file, skipped");
            }
        }
        return DatasetImporter.Import("gtzan", entries, ClassMap, playlistPath, options ?? new ImportOptions(), problems);
    }

    private static string FindGenres(string root)
    {
        foreach (var layout in Layouts)
        {
            var dir = Path.GetFullPath(Path.Combine(root, layout));
            if (Directory.Exists(dir) && Genres.Any(g => Directory.Exists(Path.Combine(dir, g)))) return dir;
        }
        throw new DirectoryNotFoundException(
            $"{root}: no GTZAN genres folder found (expected genres/<genre>/<genre>.00000.au, genres_original/<genre>/*.wav "
            + $"or Data/genres_original/<genre>/*.wav, with <genre> one of {string.Join(", ", Genres)})");
    }
}
