namespace Rig.Audio.Importers;

/// <summary>
/// ESC-50 (meta/esc50.csv with filename and category columns; audio/&lt;filename&gt;). Its "dog"
/// class is our dog_bark; steady outdoor noise beds (rain, wind, sea_waves) stand in for
/// background. The other 46 classes have no rig label and are skipped.
/// </summary>
public static class Esc50Importer
{
    public static readonly IReadOnlyDictionary<string, string> ClassMap = new Dictionary<string, string>
    {
        ["dog"] = "dog_bark",
        ["rain"] = "background",
        ["wind"] = "background",
        ["sea_waves"] = "background",
    };

    public static ImportResult Import(string root, string playlistPath, ImportOptions? options = null)
    {
        var csv = DatasetCsv.Load(Path.Combine(root, "meta", "esc50.csv"), "filename", "category");
        var problems = new List<string>();
        var entries = new List<(string, string)>();
        foreach (var (line, fields) in csv.Rows)
        {
            var name = csv.Get(fields, "filename");
            if (DatasetImporter.UnsafeFileName(name) is { } why) { problems.Add($"{csv.Path}:{line}: filename: {why}"); continue; }
            entries.Add((Path.Combine(root, "audio", name), csv.Get(fields, "category")));
        }
        return DatasetImporter.Import("esc50", entries, ClassMap, playlistPath, options ?? new ImportOptions(), problems);
    }
}
