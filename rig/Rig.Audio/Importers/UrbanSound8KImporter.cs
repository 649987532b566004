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
        var entries = csv.Rows.Select(r => (
            Path.Combine(root, "audio", "fold" + csv.Get(r.Fields, "fold"), csv.Get(r.Fields, "slice_file_name")),
            csv.Get(r.Fields, "class")));
        return DatasetImporter.Import("urbansound8k", entries, ClassMap, playlistPath, options ?? new ImportOptions());
    }
}
