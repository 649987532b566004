using Rig.Audio.Playlists;
using Rig.Core;
using Rig.Model.Training.Playlists;

namespace Rig.Model.Tests.Training.Playlists;

/// <summary>The mixed-playlist generator: a pure function of its spec, within the spec's ranges, and written as YAML the playlist loader reads back unchanged.</summary>
public sealed class MixedPlaylistGeneratorTests : IDisposable
{
    private static readonly MixedPlaylistSpec Small = new() { Name = "t", PerLabel = 40, FirstSeed = 70001, FirstInterfererSeed = 80000, Seed = 5 };
    private readonly string _dir = Directory.CreateTempSubdirectory("rig-mixed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Yaml(MixedPlaylistSpec s) => SynthPlaylistYaml.Write(s.Name, ["test"], MixedPlaylistGenerator.Items(s));

    [Fact]
    public void The_same_spec_gives_the_same_playlist_another_seed_other_choices_over_the_same_sounds()
    {
        Assert.Equal(Yaml(Small), Yaml(Small with { }));
        var a = MixedPlaylistGenerator.Items(Small);
        var b = MixedPlaylistGenerator.Items(Small with { Seed = 6 });
        Assert.NotEqual(Yaml(Small), Yaml(Small with { Seed = 6 }));
        Assert.Equal(a.Select(i => (i.Label, i.Source)), b.Select(i => (i.Label, i.Source)));
    }

    [Fact]
    public void Every_label_gets_its_clips_and_every_mixture_stays_inside_the_spec()
    {
        var spec = Small with { CleanShare = 0.25, SnrMinDb = -10, SnrMaxDb = 0, Rt60MinSeconds = 0.3, Rt60MaxSeconds = 0.9, WetMax = 0.5, DurationsSeconds = [2, 3] };
        var items = MixedPlaylistGenerator.Items(spec);
        Assert.Equal(Labels.All.SelectMany(l => Enumerable.Repeat(l, 40)), items.Select(i => i.Label));
        foreach (var group in items.GroupBy(i => i.Label))
            Assert.Equal(Enumerable.Range(0, 40).Select(n => 70001UL + (ulong)n), group.Select(i => ((SynthSource)i.Source).Seed));
        Assert.All(items, i =>
        {
            Assert.Equal(i.Label, ((SynthSource)i.Source).Sound);
            Assert.Contains(i.DurationSeconds, new[] { 2.0, 3.0 });
            Assert.InRange(i.Mix.Count, 0, 2);
            Assert.All(i.Mix, m => Assert.InRange(m.SnrDb, -10, 0));
            if (i.Mix.Count > 0) Assert.True(i.Label == "background" ? i.Mix[0].Sound == "background" : i.Mix[0].Sound != i.Label, i.Name);
            if (i.Mix.Count == 2) Assert.Equal("background", i.Mix[1].Sound);
            Assert.NotNull(i.Reverb);
            Assert.InRange(i.Reverb!.Rt60Seconds, 0.3, 0.9);
            Assert.InRange(i.Reverb.Wet, 0, 0.5);
        });
        // 240 draws at a quarter: clean clips between 10 % and 40 % is certain for any sane generator, and some clips take two interferers.
        Assert.InRange(items.Count(i => i.Mix.Count == 0), 24, 96);
        Assert.Contains(items, i => i.Mix.Count == 2);
        Assert.Contains(items, i => i.Mix.Count > 0 && i.Mix[0].Sound != "background");
        var interferers = items.SelectMany(i => i.Mix.Select(m => m.Seed)).ToList();
        Assert.Equal(interferers.Count, interferers.Distinct().Count());
        Assert.All(interferers, s => Assert.InRange(s, 80000UL, 80000UL + 10 * 240));
    }

    [Fact]
    public void A_spec_without_clean_clips_or_rooms_has_none()
    {
        var items = MixedPlaylistGenerator.Items(Small with { CleanShare = 0, ReverbShare = 0 });
        Assert.All(items, i => Assert.NotEmpty(i.Mix));
        Assert.All(items, i => Assert.Null(i.Reverb));
    }

    [Fact]
    public void The_yaml_loads_back_as_the_generated_items()
    {
        var items = MixedPlaylistGenerator.Items(Small);
        var path = Path.Combine(_dir, "mixed.yaml");
        File.WriteAllText(path, SynthPlaylistYaml.Write("t", ["a comment"], items));
        var loaded = Playlist.Load(path);
        Assert.Equal("t", loaded.Name);
        Assert.Equal(items.Count, loaded.Items.Count);
        for (var k = 0; k < items.Count; k++)
        {
            var (a, b) = (items[k], loaded.Items[k]);
            Assert.Equal((a.Name, a.Label, a.Source, a.DurationSeconds, a.Reverb), (b.Name, b.Label, b.Source, b.DurationSeconds, b.Reverb));
            Assert.Equal(a.Mix, b.Mix);
        }
    }

    [Fact]
    public void A_bad_spec_is_refused_naming_each_field()
    {
        var bad = Small with { PerLabel = 0, CleanShare = 1.5, SnrMinDb = 3, SnrMaxDb = -3, DurationsSeconds = [] };
        var problems = bad.Problems();
        Assert.Contains(problems, p => p.StartsWith("per-label:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("clean-share:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("snr:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("durations:", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => MixedPlaylistGenerator.Items(bad));
        Assert.Empty(new MixedPlaylistSpec().Problems());
    }
}
