using Rig.Core.Profiles;
using Rig.Model.Graph;
using Rig.Model.Tests.Support;
using Rig.Model.Tflite;
using Rig.Model.Training.Export;

namespace Rig.Model.Tests.Training.Export;

/// <summary>`rig train --arch ds-cnn`'s folder: the firmware's model as `rig model import` writes it, plus the .tflite and the training record.</summary>
public sealed class GraphFilesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_trained_graph_leaves_a_firmware_model_the_build_uses_and_its_tflite()
    {
        var profile = ProfileCatalog.Load("stm32l4");
        var graph = GraphGen.DsCnnOf(profile.Classifier.WindowColumns, profile.Frontend.ColumnLength, 4, 1, false, 5).Graph;
        var written = GraphFiles.Write(_dir.Path, graph, null, profile, deploy: true);

        Assert.Equal(5, written.Count);
        Assert.All(written, path => Assert.True(File.Exists(path), path));
        Assert.Contains("#define RIG_MODEL_GRAPH 1", File.ReadAllText(Path.Combine(_dir.Path, GraphModelFiles.WeightsHeaderName)), StringComparison.Ordinal);
        Assert.NotNull(GraphCosts.TryLoad(_dir.Path));
        Assert.Equal(graph.Operators.Select(o => o.Kind), TfliteReader.ReadFile(Path.Combine(_dir.Path, GraphFiles.TfliteName)).Operators.Select(o => o.Kind));
    }

    [Fact]
    public void A_graph_not_deployed_leaves_the_firmwares_model_header_alone()
    {
        var profile = ProfileCatalog.Load("stm32l4");
        var weights = Path.Combine(_dir.Path, GraphModelFiles.WeightsHeaderName);
        File.WriteAllText(weights, "/* model.c's MLP */\n");
        var graph = GraphGen.DsCnnOf(profile.Classifier.WindowColumns, profile.Frontend.ColumnLength, 4, 1, false, 5).Graph;
        var written = GraphFiles.Write(_dir.Path, graph, null, profile, deploy: false);

        Assert.Equal([GraphFiles.TfliteName, "model_graph.json"], written.Select(Path.GetFileName));
        Assert.Equal("/* model.c's MLP */\n", File.ReadAllText(weights));
    }

    [Fact]
    public void A_graph_over_the_profiles_budget_writes_nothing()
    {
        var profile = ProfileCatalog.Load("py32f003");
        var graph = GraphGen.DsCnnOf(profile.Classifier.WindowColumns, profile.Frontend.ColumnLength, 16, 2, false, 3).Graph;
        Assert.Throws<InvalidDataException>(() => GraphFiles.Write(_dir.Sub("out"), graph, null, profile, deploy: true));
        Assert.Throws<InvalidDataException>(() => GraphFiles.Write(_dir.Sub("out"), graph, null, profile, deploy: false));
        Assert.False(Directory.Exists(_dir.Sub("out")));
    }
}
