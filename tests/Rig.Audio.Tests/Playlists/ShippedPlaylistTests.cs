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

    [Fact]
    public void Hard_mixes_every_label_under_interferers_at_0_to_minus_10_dB_in_a_reverberant_room()
    {
        var hard = Playlist.LoadShipped("hard");
        foreach (var label in Labels.All) Assert.True(hard.Items.Count(i => i.Label == label) >= 8, label);
        Assert.All(hard.Items, item =>
        {
            Assert.Equal(item.Label, Assert.IsType<SynthSource>(item.Source).Sound);
            Assert.NotEmpty(item.Mix);
            Assert.All(item.Mix, m => Assert.InRange(m.SnrDb, -10, 0));
            Assert.NotNull(item.Reverb);
            Assert.True(item.Reverb!.Wet > 0);
        });
        // Every non-background clip has another class or background over it; the SNRs reach both ends.
        Assert.Contains(hard.Items, i => i.Mix.Any(m => m.SnrDb <= -9.99));
        Assert.Contains(hard.Items, i => i.Mix.Any(m => m.SnrDb >= -0.01));
        Assert.All(hard.Items.Where(i => i.Label != "background"), i => Assert.All(i.Mix, m => Assert.NotEqual(i.Label, m.Sound)));
    }

    [Fact]
    public void Hard_and_hard_val_share_no_sound_with_any_training_or_reference_playlist()
    {
        static IEnumerable<string> Sounds(Playlist p) => p.Items.SelectMany(i => i.Mix.Select(m => $"synth:{m.Sound}#{m.Seed}").Prepend(i.Source.Describe()));
        // hard-val chooses the hyperparameters, so it must not hear a training sound either.
        foreach (var held in new[] { "hard", "hard-val" })
        {
            var heldOut = Sounds(Playlist.LoadShipped(held)).ToHashSet();
            foreach (var other in new[] { "train", "hard-train", "reference" })
                Assert.Empty(heldOut.Intersect(Sounds(Playlist.LoadShipped(other))));
        }
        var hardTrain = Playlist.LoadShipped("hard-train");
        foreach (var label in Labels.All) Assert.True(hardTrain.Items.Count(i => i.Label == label) >= 40, label);
    }
}
