namespace Rig.Audio.Playlists;

/// <summary>A loaded, validated playlist: every item's source exists and is readable.</summary>
/// <param name="File">The playlist file as given.</param>
/// <param name="Name">The playlist's name: its <c>name:</c> field, else the file name without extension.</param>
public sealed record Playlist(string File, string Name, IReadOnlyList<PlaylistItem> Items)
{
    public double TotalSeconds => Items.Sum(i => i.DurationSeconds);

    /// <summary>Loads and validates; throws Rig.Core.Config.ConfigException listing every problem (file:line: field: reason).</summary>
    public static Playlist Load(string path) => PlaylistLoader.Load(path);

    /// <summary>The playlist shipped in playlists/&lt;name&gt;.yaml (reference, train).</summary>
    public static Playlist LoadShipped(string name) =>
        Load(System.IO.Path.Combine(Rig.Core.RepoPaths.Playlists, name + ".yaml"));
}
