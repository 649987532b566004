using Rig.Core;
using Rig.Dsp.Tables;
using Rig.Model.Graph;
using Rig.Model.Tests.Support;
using Rig.Model.Tflite;
using Rig.Audio.Playlists;
using Rig.Model.Training;
using Rig.Model.Training.Export;

namespace Rig.Model.Tests.Files;

/// <summary>
/// The committed graph models (firmware/generated/&lt;p&gt;/ of profiles whose firmware runs model_graph.c): the firmware
/// headers and costs are exactly what GraphModelFiles makes from the committed model.tflite for the profile, so the
/// file a user verifies with `rig model verify` is the model the board runs.
/// </summary>
public sealed class CommittedGraphTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rig-graph-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<string> Graphs => new(RepoProfiles.Names.Where(ModelProfiles.IsGraph));

    [Fact]
    public void The_cortex_m4_profiles_ship_a_graph_and_py32f003_its_mlp()
    {
        var graphs = RepoProfiles.Names.Where(ModelProfiles.IsGraph).ToList();
        Assert.Contains("stm32l4", graphs);
        Assert.Contains("nrf52840", graphs);
        Assert.False(ModelProfiles.IsGraph("py32f003"));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Headers_and_costs_are_what_the_writer_makes_from_the_committed_tflite(string profile)
    {
        var p = RepoProfiles.Load(profile);
        var committed = RepoPaths.Generated(profile);
        var graph = TfliteReader.ReadFile(Path.Combine(committed, "model.tflite"));
        var w = GraphModelFiles.Write(_dir, graph, p.Classifier.WindowColumns, new FrontendTables(p.Frontend).ConfigHash, profile, p.Memory.ModelRamBudgetBytes);
        foreach (var file in new[] { w.GraphHeader, w.WeightsHeader, w.Costs })
            Assert.Equal(File.ReadAllText(Path.Combine(committed, Path.GetFileName(file))), File.ReadAllText(file));
        Assert.True(w.Graph.Arena.Bytes <= p.Memory.ModelRamBudgetBytes, $"arena {w.Graph.Arena.Bytes} B");
    }

    /// <summary>Clean sounds stay recognised by a model trained for hard conditions (its training set holds clean clips).</summary>
    [Theory]
    [MemberData(nameof(Graphs))]
    public void The_committed_graph_classifies_the_reference_playlist(string profile)
    {
        var p = RepoProfiles.Load(profile);
        var graph = TfliteReader.ReadFile(Path.Combine(RepoPaths.Generated(profile), "model.tflite"));
        var clips = PlaylistFeatures.Compute(Playlist.LoadShipped("reference"), p.Frontend);
        var (accuracy, _, _, confusion) = GraphTraining.Int8(p, graph, clips);
        Assert.Equal(clips.Count, confusion.Sum(r => r.Sum()));
        Assert.True(accuracy >= 0.90, $"{profile}: {accuracy:P1}");
    }
}
