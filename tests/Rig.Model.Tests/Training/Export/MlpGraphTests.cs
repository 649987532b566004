using Rig.Model.Graph;
using Rig.Model.Tests.Support;
using Rig.Model.Training;
using Rig.Model.Training.Export;

namespace Rig.Model.Tests.Training.Export;

/// <summary>The firmware's MLP re-expressed as a stats-input int8 graph decides like the MLP it came from.</summary>
public class MlpGraphTests
{
    [Fact]
    public void The_mlp_graph_is_fc_relu_fc_softmax_on_stats_and_agrees_with_the_firmware_mlp()
    {
        var profile = RepoProfiles.Load("stm32l4");
        var train = PlaylistFeatures.Compute(SynthClips.Playlist("train", 500, 2, 1.2), profile.Frontend);
        var eval = PlaylistFeatures.Compute(SynthClips.Playlist("eval", 900, 2, 1.2), profile.Frontend);
        var options = new TrainingOptions { Seed = 7, Epochs = 8 };
        var mlp = ProfileTraining.Train(profile, "train", train, "eval", eval, options);
        var result = GraphTraining.FromMlp(profile, mlp, "train", train, "eval", eval, options);
        var g = result.Graph;

        Assert.Equal(ModelInputKind.Stats, g.InputKind);
        Assert.Equal([1, 2 * profile.Frontend.ColumnLength], g.Input.Shape);
        Assert.Equal([OperatorKind.FullyConnected, OperatorKind.FullyConnected, OperatorKind.Softmax], g.Operators.Select(o => o.Kind));
        Assert.Equal(FusedActivation.Relu, g.Operators[0].Options.Activation);
        Assert.Equal([32, 2 * profile.Frontend.ColumnLength], g.Tensors[g.Operators[0].Inputs[1]].Shape);

        var w = profile.Classifier.WindowColumns;
        var stats = train.SelectMany(c => WindowStats.Of(c.Columns, profile.Frontend.ColumnLength, w, w / 4)).ToList();
        var m = mlp.Model;
        var twin = new GraphClassifier(PreparedGraph.From(MlpGraph.Build(mlp.Float, new InputQuantization(m.InputOffset, m.InputMult, m.InputShift), stats, "t")), w);
        int same = 0, windows = 0;
        foreach (var clip in eval)
            for (var start = 0; start + w <= clip.Columns.Count; start += profile.Classifier.WindowHopColumns)
            {
                var window = new Rig.Model.Quantized.ModelWindow(m);
                for (var i = 0; i < w; i++) window.Push(clip.Columns[start + i]);
                if (m.Infer(window).Winner == twin.Classify(clip.Columns.Skip(start).Take(w).ToList()).Winner) same++;
                windows++;
            }
        Assert.True(windows > 0);
        Assert.True(same >= 0.85 * windows, $"{same} of {windows} windows decided alike");
    }
}
