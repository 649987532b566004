using System.Globalization;
using Rig.Core.Profiles;
using Rig.Model.Graph;
using Rig.Model.Tests.Graph;
using Rig.Model.Tests.Support;
using Rig.Model.Training;
using Rig.Model.Training.Cnn;
using Rig.Model.Training.Export;
using Rig.TestSupport;

namespace Rig.Model.Tests.Training.Cnn;

/// <summary>
/// A trained time-frequency DS-CNN as an int8 graph: 2-D strides and SAME 3x3 depthwise filters in
/// the operators, a graph input of raw frontend values, and the generated header compiled with gcc
/// against firmware/core/nn giving the golden twin's values on every layer for real log-mel windows.
/// </summary>
public sealed class TimeFrequencyGraphTests : IDisposable
{
    private static readonly DsCnnOptions Quick = new()
    {
        Seed = 5,
        Epochs = 6,
        TrainStrideColumns = 8,
        Architecture = DsCnnArchitecture.TimeFrequencyDefault with { FirstChannels = 6, Blocks = [(2, 8), (1, 8)] },
    };

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (BoardProfile Profile, List<LabelledClip> Train, GraphTrainingResult Result) Trained()
    {
        // stm32l4's frontend without its DCT (32 log-mel bands, as the README's log-mel experiments ran it) on a few clean synth clips.
        var shipped = RepoProfiles.Load("stm32l4");
        var p = shipped with { Frontend = shipped.Frontend with { MfccCount = 0 } };
        var train = PlaylistFeatures.Compute(SynthClips.Playlist("train", 700, 2, 1.2), p.Frontend);
        var eval = PlaylistFeatures.Compute(SynthClips.Playlist("eval", 800, 1, 1.2), p.Frontend);
        return (p, train, GraphTraining.TrainDsCnn(p, "train", train, "eval", eval, Quick));
    }

    [Fact]
    public void The_graph_strides_over_time_and_bands()
    {
        var (profile, _, r) = Trained();
        var g = r.Graph;
        Assert.Equal([1, profile.Classifier.WindowColumns, profile.Frontend.MelBands, 1], g.Input.Shape);
        var convs = g.Operators.Where(o => o.Kind is OperatorKind.Conv2D or OperatorKind.DepthwiseConv2D).ToList();
        Assert.Equal(
            ["Conv2D 5x5 s2x2 Valid", "DepthwiseConv2D 3x3 s2x2 Same", "Conv2D 1x1 s1x1 Same", "DepthwiseConv2D 3x3 s1x1 Same", "Conv2D 1x1 s1x1 Same"],
            convs.Select(o =>
            {
                var f = g.Tensors[o.Inputs[1]].Shape;
                return $"{o.Kind} {f[1]}x{f[2]} s{o.Options.StrideHeight}x{o.Options.StrideWidth} {o.Options.Padding}";
            }));
        Assert.Equal([1, 30, 14, 6], g.Tensors[convs[0].Outputs[0]].Shape);
        Assert.Equal([1, 15, 7, 6], g.Tensors[convs[1].Outputs[0]].Shape);
    }

    [Fact]
    public void The_generated_header_runs_every_layer_like_the_twin_on_log_mel_windows()
    {
        var (profile, train, r) = Trained();
        var prepared = PreparedGraph.From(r.Graph);
        var (exe, build) = GraphHeaderCompileTests.Compile(_dir, prepared, profile.Memory.ModelRamBudgetBytes);
        Assert.True(build.ExitCode == 0, build.Output);
        var w = profile.Classifier.WindowColumns;
        foreach (var clip in train.Where((_, i) => i % 3 == 0))
        {
            var values = clip.Columns.Take(w).SelectMany(c => c).ToArray();
            var twin = new GraphInterpreter(prepared).Run(FrontendInput.Of(r.Graph).Quantize(values));
            var run = Tool.Run(exe, [], stdin: string.Join(' ', values.Select(v => v.ToString(CultureInfo.InvariantCulture))));
            Assert.True(run.ExitCode == 0, run.Output);
            var layers = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(sbyte.Parse).ToArray())
                .ToList();
            Assert.Equal(twin.Layers.Count, layers.Count);
            var firstDiff = LayerDiff.First(twin.Layers, layers);
            Assert.True(firstDiff is null, $"{clip.Name}: {firstDiff}");
        }
    }
}
