namespace Rig.Audio.Importers;

/// <summary>
/// UrbanSound8K (metadata/UrbanSound8K.csv with slice_file_name, fold and class columns;
/// audio/fold&lt;fold&gt;/&lt;slice_file_name&gt;). dog_bark and jackhammer map directly;
/// air_conditioner, a steady hum, stands in for background; the other seven classes are skipped.
/// </summary>
public static class UrbanSound8KImporter
{
    public static readonly IReadOnlyDictionary<string, string> ClassMap = new Dictionary<string, string>
    {
        ["dog_bark"] = "dog_bark",
        ["jackhammer"] = "jackhammer",
        ["air_conditioner"] = "background",
    };

    public static ImportResult Import(string root, string playlistPath, ImportOptions? options = null)
    {
        var csv = DatasetCsv.Load(Path.Combine(root, "metadata", "UrbanSound8K.csv"), "slice_file_name", "fold", "class");
        var problems = new List<string>();
        var entries = new List<(string, string)>();
        foreach (var (line, fields) in csv.Rows)
        {
            var name = csv.Get(fields, "slice_file_name");
            var fold = csv.Get(fields, "fold");
            if (DatasetImporter.UnsafeFileName(name) is { } why) { problems.Add($"{csv.Path}:{line}: slice_file_name: {why}"); continue; }
            if (!int.TryParse(fold, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                problems.Add($"{csv.Path}:{line}: fold: '{fold}' is not a fold number");
                continue;
            }
            entries.Add((Path.Combine(root, "audio", "fold" + fold, name), csv.Get(fields, "class")));
        }
        return DatasetImporter.Import("urbansound8k", entries, ClassMap, playlistPath, options ?? new ImportOptions(), problems);
    }
}
