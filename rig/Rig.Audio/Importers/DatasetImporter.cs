using Rig.Audio.Wav;
using Rig.Core;

namespace Rig.Audio.Importers;

/// <summary>
/// Shared part of the importers: given (file, dataset class) pairs and a class-to-label map,
/// checks each file's WAV header, applies the limits and writes the playlist. Classes without a
/// label are skipped and counted; unreadable files are reported, not fatal.
/// </summary>
public static class DatasetImporter
{
    public static ImportResult Import(string dataset, IEnumerable<(string File, string Class)> entries,
        IReadOnlyDictionary<string, string> classToLabel, string playlistPath, ImportOptions options)
    {
        options.Validate();
        foreach (var label in classToLabel.Values)
            if (!Labels.IsKnown(label)) throw new ArgumentException($"class map targets unknown label '{label}'", nameof(classToLabel));
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var imported = Labels.All.ToDictionary(l => l, _ => 0);
        var problems = new List<string>();
        var clips = new List<ImportedClip>();
        foreach (var (file, cls) in entries)
        {
            if (!classToLabel.TryGetValue(cls, out var label))
            {
                skipped[cls] = skipped.GetValueOrDefault(cls) + 1;
                continue;
            }
            if (options.MaxPerLabel is { } max && imported[label] >= max) continue;
            WavInfo info;
            try
            {
                info = WavReader.ReadInfo(file);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
            {
                problems.Add(e.Message);
                continue;
            }
            clips.Add(new ImportedClip(file, label, cls, Math.Min(options.MaxSeconds, info.DurationSeconds)));
            imported[label]++;
        }
        PlaylistWriter.Write(playlistPath, dataset, clips);
        return new ImportResult(playlistPath, imported.Where(p => p.Value > 0).ToDictionary(), skipped, problems);
    }
}
