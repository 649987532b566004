using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rig.Audio.Importers;

/// <summary>
/// Writes a playlist of file clips in the format <see cref="Playlists.PlaylistLoader"/> reads:
/// paths relative to the playlist's folder, names made file-name safe and unique.
/// </summary>
public static partial class PlaylistWriter
{
    [GeneratedRegex("[^A-Za-z0-9_.-]")]
    private static partial Regex Unsafe();

    public static void Write(string playlistPath, string name, IReadOnlyList<ImportedClip> clips)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(playlistPath))!;
        Directory.CreateDirectory(dir);
        var sb = new StringBuilder();
        sb.Append("# Written by `rig sounds import`: ").Append(clips.Count.ToString(CultureInfo.InvariantCulture)).Append(" clips.\n");
        sb.Append("name: ").Append(Quote(name)).Append('\n');
        sb.Append(clips.Count == 0 ? "items: []\n" : "items:\n");
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in clips)
        {
            var baseName = Unsafe().Replace(Path.GetFileNameWithoutExtension(c.FilePath), "_");
            var itemName = baseName;
            for (var k = 2; !used.Add(itemName); k++) itemName = $"{baseName}_{k}";
            var rel = Path.GetRelativePath(dir, Path.GetFullPath(c.FilePath));
            sb.Append("  - {name: ").Append(Quote(itemName))
              .Append(", label: ").Append(c.Label)
              .Append(", file: ").Append(Quote(rel))
              .Append(", duration: ").Append(DurationAsWritten(c.DurationSeconds).ToString("0.######", CultureInfo.InvariantCulture))
              .Append("}  # ").Append(c.SourceClass).Append('\n');
        }
        File.WriteAllText(playlistPath, sb.ToString());
    }

    /// <summary>A clip's duration as the playlist states it: whole microseconds, rounded down so it never runs past the file's end.</summary>
    public static double DurationAsWritten(double seconds) => Math.Floor(seconds * 1e6) / 1e6;

    // Single-quoted YAML scalars: only the quote itself needs escaping (doubled).
    private static string Quote(string s) => "'" + s.Replace("'", "''") + "'";
}
