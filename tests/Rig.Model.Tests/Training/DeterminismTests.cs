using Rig.Model.Files;
using Rig.Model.Tests.Support;
using Rig.Model.Training;

namespace Rig.Model.Tests.Training;

/// <summary>Training is a pure function of (clips, profile, options): same seed, same bytes.</summary>
public class DeterminismTests
{
    private static readonly TrainingOptions Quick = new() { Seed = 7, Epochs = 6 };

    private static (List<LabelledClip> Train, List<LabelledClip> Eval) Clips(string profile)
    {
        var p = RepoProfiles.Load(profile);
        return (PlaylistFeatures.Compute(SynthClips.Playlist("train", 500, 2, 1.2), p.Frontend),
                PlaylistFeatures.Compute(SynthClips.Playlist("eval", 900, 1, 1.2), p.Frontend));
    }

    private static string TrainJson(string profile, List<LabelledClip> train, List<LabelledClip> eval, TrainingOptions options)
    {
        var result = ProfileTraining.Train(RepoProfiles.Load(profile), "train", train, "eval", eval, options);
        return ModelJson.Serialize(result.Describe("train", "eval", options));
    }

    [Theory]
    [InlineData("py32f003")]
    [InlineData("stm32l4")]
    public void Same_seed_gives_the_same_model_byte_for_byte(string profile)
    {
        var (train, eval) = Clips(profile);
        var first = TrainJson(profile, train, eval, Quick);
        var second = TrainJson(profile, train, eval, Quick);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Another_seed_gives_other_weights()
    {
        var (train, eval) = Clips("py32f003");
        var a = ModelJson.Parse("a", TrainJson("py32f003", train, eval, Quick)).Model;
        var b = ModelJson.Parse("b", TrainJson("py32f003", train, eval, Quick with { Seed = 8 })).Model;
        Assert.NotEqual(a.W1, b.W1);
        // Input normalisation depends only on the data, not the seed.
        Assert.Equal(a.InputOffset, b.InputOffset);
    }

    [Fact]
    public void Written_header_compiles_into_the_same_answers_as_the_twin()
    {
        // The trainer's files are self-consistent: JSON -> header is a pure function of the model.
        var (train, eval) = Clips("py32f003");
        var result = ProfileTraining.Train(RepoProfiles.Load("py32f003"), "train", train, "eval", eval, Quick);
        var dir = Directory.CreateTempSubdirectory("rig-train-").FullName;
        try
        {
            var (header, json) = ModelFiles.Write(dir, result.Describe("train", "eval", Quick));
            var loaded = ModelJson.Load(json).Model;
            Assert.Equal(File.ReadAllText(header), WeightsHeaderWriter.Write(loaded));
            Assert.Equal(result.Model.W1, loaded.W1);
            Assert.Equal(result.Model.M2, loaded.M2);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Quantised_model_tracks_the_float_model_on_held_out_clips()
    {
        var p = RepoProfiles.Load("py32f003");
        var train = PlaylistFeatures.Compute(SynthClips.Playlist("train", 500, 4, 1.2), p.Frontend);
        var eval = PlaylistFeatures.Compute(SynthClips.Playlist("eval", 900, 3, 1.2), p.Frontend);
        var options = new TrainingOptions { Seed = 3, Epochs = 20 };
        var e = ProfileTraining.Train(p, "train", train, "eval", eval, options).Evaluation;
        Assert.Equal(18, e.Clips);
        Assert.True(e.FloatWindowAccuracy > 0.6, $"float window accuracy {e.FloatWindowAccuracy}");
        Assert.True(Math.Abs(e.FloatWindowAccuracy - e.QuantizedWindowAccuracy) <= 0.05,
            $"float {e.FloatWindowAccuracy} vs quantised {e.QuantizedWindowAccuracy}");
    }
}
