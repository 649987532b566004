using Rig.Audio.Playlists;
using Rig.Core;

namespace Rig.Model.Tests.Support;

/// <summary>Small in-memory playlists of seeded synth sounds, for training tests that must run in seconds.</summary>
public static class SynthClips
{
    public static Playlist Playlist(string name, ulong seedBase, int perLabel, double seconds, IEnumerable<string>? labels = null)
    {
        var items = new List<PlaylistItem>();
        foreach (var label in labels ?? Labels.All)
            for (var i = 0; i < perLabel; i++)
                items.Add(new PlaylistItem(items.Count, $"{label}_{i}", label,
                    new SynthSource(label, seedBase + (ulong)(Labels.IndexOf(label) * 100 + i)), 0, seconds, 0, items.Count + 2));
        return new Playlist(name + ".yaml", name, items);
    }
}
