using Rig.Model.Graph;
using Rig.Model.Tests.Support;

namespace Rig.Model.Tests.Graph;

/// <summary>A graph written into a generated folder reads back with its per-layer costs; an arena over budget writes nothing.</summary>
public sealed class GraphModelFilesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_costs_read_back_as_computed()
    {
        var graph = GraphGen.DsCnnOf(16, 10, 8, 2, false, 11).Graph;
        var written = GraphModelFiles.Write(_dir.Path, graph, 16, 0xABCDEF01u, "stm32l4", 1 << 16);
        var costs = GraphCosts.TryLoad(_dir.Path)!;
        var expected = LayerCost.Of(PreparedGraph.From(graph));
        Assert.Equal(expected, costs.Layers);
        Assert.Equal(written.Graph.Arena.Bytes, costs.ArenaBytes);
        Assert.Equal(expected.Sum(l => l.Macc), costs.Macc);
        Assert.Contains("#define RIG_MODEL_GRAPH 1", File.ReadAllText(written.WeightsHeader));
        Assert.Contains("0xABCDEF01u", File.ReadAllText(written.WeightsHeader));
    }

    [Fact]
    public void A_folder_without_a_graph_has_no_costs() => Assert.Null(GraphCosts.TryLoad(_dir.Path));

    [Fact]
    public void An_arena_over_the_budget_is_refused_before_anything_is_written()
    {
        var graph = GraphGen.DsCnnOf(16, 10, 8, 1, false, 2).Graph;
        var e = Assert.Throws<InvalidDataException>(() => GraphModelFiles.Write(_dir.Sub("out"), graph, 16, 0, "py32f003", 64));
        Assert.Contains("py32f003", e.Message);
        Assert.False(Directory.Exists(_dir.Sub("out")));
    }
}
