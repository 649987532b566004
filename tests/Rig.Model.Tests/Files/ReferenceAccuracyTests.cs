using Rig.Audio.Playlists;
using Rig.Model.Clips;
using Rig.Model.Files;
using Rig.Model.Tests.Support;
using Rig.Model.Training;

namespace Rig.Model.Tests.Files;

/// <summary>
/// Re-measures, independently of what the trainer recorded, the committed integer MLP (graph models: CommittedGraphTests) on the held-out
/// reference playlist in inject mode (golden features of the exact samples, firmware windowing and
/// aggregation): at least 90 %, and the same figure rig_model.json claims.
/// </summary>
public class ReferenceAccuracyTests
{
    [Theory]
    [MemberData(nameof(ModelProfiles.Mlp), MemberType = typeof(ModelProfiles))]
    public void Committed_model_classifies_the_reference_playlist(string profile)
    {
        var p = RepoProfiles.Load(profile);
        var description = ModelJson.Load(ModelFiles.JsonPath(profile));
        var clips = PlaylistFeatures.Compute(Playlist.LoadShipped("reference"), p.Frontend);
        var right = clips.Count(c => ClipClassifier.Classify(description.Model, c.Columns, p.Classifier).PredictedIndex == c.LabelIndex);
        var accuracy = (double)right / clips.Count;
        Assert.True(accuracy >= 0.90, $"{profile}: {right}/{clips.Count}");
        Assert.Equal(description.Training!.QuantizedAccuracy, Math.Round(accuracy, 6));
    }
}
