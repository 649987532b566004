using Rig.Audio.Playlists;
using Rig.Audio.Wav;
using Rig.Core;

namespace Rig.Audio.Importers;

/// <summary>
/// Shared part of the importers: given (file, dataset class) pairs and a class-to-label map,
/// checks each file's header, applies the limits and writes the playlist. Classes without a label
/// are skipped and counted; every file that cannot be used is reported with its reason, never
/// dropped silently. When no clip at all can be imported nothing is written (PlaylistPath is null).
/// </summary>
public static class DatasetImporter
{
    /// <param name="problems">Files the caller's layout scan already refused, with their reasons.</param>
    public static ImportResult Import(string dataset, IEnumerable<(string File, string Class)> entries,
        IReadOnlyDictionary<string, string> classToLabel, string playlistPath, ImportOptions options,
        IEnumerable<string>? problems = null)
    {
        options.Validate();
        foreach (var label in classToLabel.Values)
            if (!Labels.IsKnown(label)) throw new ArgumentException($"class map targets unknown label '{label}'", nameof(classToLabel));
        var skipped = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var overLimit = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var imported = Labels.All.ToDictionary(l => l, _ => 0);
        var refused = new List<string>(problems ?? []);
        var clips = new List<ImportedClip>();
        foreach (var (file, cls) in entries)
        {
            if (!classToLabel.TryGetValue(cls, out var label))
            {
                skipped[cls] = skipped.GetValueOrDefault(cls) + 1;
                continue;
            }
            if (options.MaxPerLabel is { } max && imported[label] >= max)
            {
                overLimit[label] = overLimit.GetValueOrDefault(label) + 1;
                continue;
            }
            WavInfo info;
            try
            {
                info = WavReader.ReadInfo(file);
            }
            catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
            {
                refused.Add(e.Message);
                continue;
            }
            var seconds = Math.Min(options.MaxSeconds, info.DurationSeconds);
            if (seconds < PlaylistLoader.MinClipSeconds)
            {
                refused.Add($"{file}: {info.DurationSeconds:0.######} s is shorter than the {PlaylistLoader.MinClipSeconds} s a clip needs");
                continue;
            }
            clips.Add(new ImportedClip(file, label, cls, seconds));
            imported[label]++;
        }
        string? written = null;
        if (clips.Count > 0)
        {
            PlaylistWriter.Write(playlistPath, dataset, clips);
            written = playlistPath;
        }
        return new ImportResult(written, imported.Where(p => p.Value > 0).ToDictionary(), skipped, refused) { OverLimitByLabel = overLimit };
    }

    /// <summary>
    /// A file name read from a dataset's metadata must name a file inside its audio folder: a name
    /// with a folder part or ".." would make the playlist point anywhere.
    /// </summary>
    public static string? UnsafeFileName(string name) =>
        name.Length == 0 ? "empty file name"
        : name.IndexOfAny(['/', '\\']) >= 0 || name is "." or ".." ? $"'{name}' is not a plain file name"
        : null;
}
