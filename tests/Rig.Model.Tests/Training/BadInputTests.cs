using Rig.Audio.Playlists;
using Rig.Core.Config;
using Rig.Model.Tests.Support;
using Rig.Model.Training;

namespace Rig.Model.Tests.Training;

public class BadInputTests
{
    private static readonly TrainingOptions Quick = new() { Epochs = 1 };

    private static TrainingResult Train(List<LabelledClip> train) =>
        ProfileTraining.Train(RepoProfiles.Load("py32f003"), "playlists/bad.yaml", train, "eval", train, Quick);

    private static List<LabelledClip> Features(Playlist p) => PlaylistFeatures.Compute(p, RepoProfiles.Load("py32f003").Frontend);

    [Fact]
    public void Empty_playlist_is_refused_with_the_reason()
    {
        var e = Assert.Throws<InvalidDataException>(() => Train([]));
        Assert.Contains("playlists/bad.yaml", e.Message);
        Assert.Contains("no clips", e.Message);
    }

    [Fact]
    public void Playlist_with_one_label_is_refused_with_the_reason()
    {
        var clips = Features(SynthClips.Playlist("one", 10, 3, 1.0, ["jazz"]));
        var e = Assert.Throws<InvalidDataException>(() => Train(clips));
        Assert.Contains("'jazz'", e.Message);
        Assert.Contains("at least two labels", e.Message);
    }

    [Fact]
    public void Clip_with_a_label_the_model_does_not_know_is_refused_naming_it()
    {
        var clips = Features(SynthClips.Playlist("two", 10, 1, 1.0, ["jazz", "metal"]));
        clips.Add(new LabelledClip("opera_1", -1, clips[0].Columns));
        var e = Assert.Throws<InvalidDataException>(() => Train(clips));
        Assert.Contains("opera_1", e.Message);
        Assert.Contains("jackhammer, dog_bark, disco, jazz, metal, background", e.Message);
    }

    [Fact]
    public void Playlist_file_with_an_unknown_label_is_refused_at_load_naming_line_and_field()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("rig-model-").FullName, "train.yaml");
        File.WriteAllText(path, "name: t\nitems:\n  - {label: jazz, synth: jazz, seed: 1, duration: 1.0}\n  - {label: opera, synth: jazz, seed: 2, duration: 1.0}\n");
        var e = Assert.Throws<ConfigException>(() => Playlist.Load(path));
        Assert.Contains("opera", e.Message);
        Assert.Contains(":4", e.Message);
    }

    [Fact]
    public void Clips_shorter_than_one_window_are_refused()
    {
        var clips = Features(SynthClips.Playlist("short", 10, 1, 0.1, ["jazz", "metal"]));
        var e = Assert.Throws<InvalidDataException>(() => Train(clips));
        Assert.Contains("window of 32 columns", e.Message);
    }
}
