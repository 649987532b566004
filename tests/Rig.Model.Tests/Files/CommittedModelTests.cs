using Rig.Dsp.Tables;
using Rig.Model.Files;
using Rig.Model.Tests.Support;

namespace Rig.Model.Tests.Files;

/// <summary>The committed firmware/generated/&lt;profile&gt;/ MLP files (profiles whose firmware runs model.c; CommittedGraphTests holds the graph ones) are consistent with each other, the profile and the frontend.</summary>
public class CommittedModelTests
{
    [Theory]
    [MemberData(nameof(ModelProfiles.Mlp), MemberType = typeof(ModelProfiles))]
    public void Header_is_exactly_what_the_writer_makes_from_the_json(string profile)
    {
        var model = ModelFiles.Load(profile);
        Assert.Equal(WeightsHeaderWriter.Write(model), File.ReadAllText(ModelFiles.HeaderPath(profile)));
    }

    [Theory]
    [MemberData(nameof(ModelProfiles.Mlp), MemberType = typeof(ModelProfiles))]
    public void Json_round_trips_unchanged(string profile)
    {
        var text = File.ReadAllText(ModelFiles.JsonPath(profile));
        Assert.Equal(text, ModelJson.Serialize(ModelJson.Parse("rig_model.json", text)));
    }

    [Theory]
    [MemberData(nameof(ModelProfiles.Mlp), MemberType = typeof(ModelProfiles))]
    public void Model_fits_the_profile_and_its_current_frontend(string profile)
    {
        var p = RepoProfiles.Load(profile);
        var model = ModelFiles.Load(profile);
        Assert.Equal(profile, model.Profile);
        Assert.Equal(p.Frontend.ColumnLength, model.Bands);
        Assert.Equal(p.Classifier.WindowColumns, model.WindowColumns);
        // A frontend change (tables or config) invalidates the features the model learnt: retrain.
        Assert.Equal(new FrontendTables(p.Frontend).ConfigHash, model.FrontendConfigHash);
    }

    [Theory]
    [MemberData(nameof(ModelProfiles.Mlp), MemberType = typeof(ModelProfiles))]
    public void Model_fits_the_py32f003_budgets(string profile)
    {
        var model = ModelFiles.Load(profile);
        Assert.True(model.RamBytes <= 1536, $"{model.RamBytes} B RAM");
        Assert.True(model.ParameterBytes <= 8 * 1024, $"{model.ParameterBytes} B of tables");
    }

    [Theory]
    [MemberData(nameof(ModelProfiles.Mlp), MemberType = typeof(ModelProfiles))]
    public void Committed_accuracy_meets_the_target(string profile)
    {
        var training = ModelJson.Load(ModelFiles.JsonPath(profile)).Training;
        Assert.NotNull(training);
        Assert.Equal("playlists/train.yaml", training.TrainPlaylist);
        Assert.Equal("playlists/reference.yaml", training.EvalPlaylist);
        Assert.True(training.QuantizedAccuracy >= 0.90, $"quantised accuracy {training.QuantizedAccuracy}");
        Assert.True(training.FloatAccuracy - training.QuantizedAccuracy <= 0.02, $"float {training.FloatAccuracy} vs quantised {training.QuantizedAccuracy}");
    }
}
