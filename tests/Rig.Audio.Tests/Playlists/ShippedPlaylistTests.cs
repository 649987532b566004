using Rig.Audio.Playlists;
using Rig.Core;

namespace Rig.Audio.Tests.Playlists;

public class ShippedPlaylistTests
{
    [Fact]
    public void Reference_has_at_least_8_clips_of_1_to_4_s_for_every_label()
    {
        var reference = Playlist.LoadShipped("reference");
        foreach (var label in Labels.All)
        {
            var clips = reference.Items.Where(i => i.Label == label).ToList();
            Assert.True(clips.Count >= 8, $"{label}: {clips.Count} clips");
            Assert.All(clips, c => Assert.InRange(c.DurationSeconds, 1, 4));
        }
        Assert.Equal(Enumerable.Range(0, reference.Items.Count), reference.Items.Select(i => i.Index));
    }

    [Fact]
    public void Train_and_reference_never_share_a_clip()
    {
        static IEnumerable<string> Keys(Playlist p) => p.Items.Select(i => i.Source.Describe());
        var train = Playlist.LoadShipped("train");
        Assert.Empty(Keys(train).Intersect(Keys(Playlist.LoadShipped("reference"))));
        foreach (var label in Labels.All) Assert.True(train.Items.Count(i => i.Label == label) >= 30);
    }

    [Fact]
    public void Synth_items_use_the_sound_of_their_label()
    {
        foreach (var item in Playlist.LoadShipped("reference").Items.Concat(Playlist.LoadShipped("train").Items))
            Assert.Equal(item.Label, Assert.IsType<SynthSource>(item.Source).Sound);
    }
}
