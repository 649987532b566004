using Rig.Core.Profiles;
using Rig.Model.Graph;
using Rig.Model.Tests.Support;
using Rig.Model.Training;
using Rig.Model.Training.Cnn;
using Rig.Model.Training.Export;

namespace Rig.Model.Tests.Training.Cnn;

/// <summary>The DS-CNN trains deterministically, learns separable sounds, and quantises into a graph whose int8 arithmetic keeps its decisions.</summary>
public class DsCnnTrainingTests
{
    private static readonly DsCnnOptions Quick = new()
    {
        Seed = 3,
        Epochs = 12,
        TrainStrideColumns = 8,
        Architecture = new DsCnnArchitecture { FirstChannels = 8, Blocks = [(1, 8), (2, 8)] },
    };

    private static (BoardProfile Profile, List<LabelledClip> Train, List<LabelledClip> Eval) Clips()
    {
        var p = RepoProfiles.Load("stm32l4");
        return (p, PlaylistFeatures.Compute(SynthClips.Playlist("train", 700, 3, 1.2), p.Frontend),
                PlaylistFeatures.Compute(SynthClips.Playlist("eval", 800, 2, 1.2), p.Frontend));
    }

    [Fact]
    public void Same_seed_gives_the_same_graph_another_seed_other_weights()
    {
        var (profile, train, eval) = Clips();
        var a = GraphTraining.TrainDsCnn(profile, "train", train, "eval", eval, Quick);
        var b = GraphTraining.TrainDsCnn(profile, "train", train, "eval", eval, Quick);
        var c = GraphTraining.TrainDsCnn(profile, "train", train, "eval", eval, Quick with { Seed = 4 });
        Assert.Equal(GraphJson.Write(a.Graph, a.Info), GraphJson.Write(b.Graph, b.Info));
        Assert.NotEqual(GraphJson.Write(a.Graph, null), GraphJson.Write(c.Graph, null));
    }

    [Fact]
    public void Augmented_training_is_deterministic_per_seed_and_the_augmentations_change_the_weights()
    {
        var (profile, train, eval) = Clips();
        var none = Quick with { TimeShiftColumns = 0, TimeMasks = 0, BandMasks = 0, LabelSmoothing = 0, MixShare = 0 };
        var augmented = none with { TimeShiftColumns = 4, TimeMasks = 1, TimeMaskMaxColumns = 6, BandMasks = 1, BandMaskMaxBands = 2, LabelSmoothing = 0.1, MixShare = 0.5 };
        var a = GraphTraining.TrainDsCnn(profile, "train", train, "eval", eval, augmented);
        var b = GraphTraining.TrainDsCnn(profile, "train", train, "eval", eval, augmented);
        Assert.Equal(GraphJson.Write(a.Graph, a.Info), GraphJson.Write(b.Graph, b.Info));
        var plain = GraphJson.Write(GraphTraining.TrainDsCnn(profile, "train", train, "eval", eval, none).Graph, null);
        Assert.NotEqual(plain, GraphJson.Write(a.Graph, null));
        foreach (var one in new[] { none with { TimeShiftColumns = 4 }, none with { TimeMasks = 1, TimeMaskMaxColumns = 6 }, none with { LabelSmoothing = 0.1 }, none with { MixShare = 0.5 } })
            Assert.NotEqual(plain, GraphJson.Write(GraphTraining.TrainDsCnn(profile, "train", train, "eval", eval, one).Graph, null));
    }

    [Fact]
    public void Clean_synth_sounds_are_learnt_and_the_int8_graph_keeps_most_decisions()
    {
        var (profile, train, eval) = Clips();
        var r = GraphTraining.TrainDsCnn(profile, "train", train, "eval", eval, new DsCnnOptions { Seed = 3, Epochs = 15, TrainStrideColumns = 8 });
        Assert.True(r.Info.Training.FloatAccuracy >= 0.75, $"float clip accuracy {r.Info.Training.FloatAccuracy}");
        Assert.True(r.Info.Training.QuantizedAccuracy >= r.Info.Training.FloatAccuracy - 0.1, $"int8 {r.Info.Training.QuantizedAccuracy} vs float {r.Info.Training.FloatAccuracy}");
        Assert.Equal(eval.Count, r.Confusion.Sum(row => row.Sum()));
    }

    [Fact]
    public void The_graph_is_a_window_input_ds_cnn_with_tflite_quantisation()
    {
        var (profile, train, eval) = Clips();
        var g = GraphTraining.TrainDsCnn(profile, "train", train, "eval", eval, Quick).Graph;
        Assert.Equal(ModelInputKind.Window, g.InputKind);
        Assert.Equal([1, profile.Classifier.WindowColumns, profile.Frontend.ColumnLength, 1], g.Input.Shape);
        Assert.Equal(
            [OperatorKind.Conv2D, OperatorKind.DepthwiseConv2D, OperatorKind.Conv2D, OperatorKind.DepthwiseConv2D, OperatorKind.Conv2D,
             OperatorKind.AveragePool2D, OperatorKind.Reshape, OperatorKind.FullyConnected, OperatorKind.Softmax],
            g.Operators.Select(o => o.Kind));
        Assert.Equal([1, 6], g.Output.Shape);
        Assert.Equal((1.0 / 256, -128L), (g.Output.Quantization!.Scales[0], g.Output.Quantization.ZeroPoints[0]));
        foreach (var op in g.Operators.Where(o => o.Inputs.Count == 3))
        {
            var input = g.Tensors[op.Inputs[0]];
            var filter = g.Tensors[op.Inputs[1]];
            var bias = g.Tensors[op.Inputs[2]];
            Assert.Equal(TensorType.Int8, filter.Type);
            Assert.Equal(TensorType.Int32, bias.Type);
            var channels = bias.Shape[0];
            Assert.Equal(op.Kind == OperatorKind.DepthwiseConv2D ? 3 : 0, filter.Quantization!.QuantizedDimension);
            Assert.Equal(channels, filter.Quantization.Scales.Count);
            Assert.All(filter.Quantization.ZeroPoints, z => Assert.Equal(0, z));
            // Bias scale = input scale x filter scale, up to the float32 rounding every scale gets for the .tflite.
            for (var c = 0; c < channels; c++)
            {
                var product = input.Quantization!.Scales[0] * filter.Quantization.Scales[c];
                Assert.True(Math.Abs(product - bias.Quantization!.Scales[c]) <= 1e-6 * product, $"channel {c}: {bias.Quantization.Scales[c]} vs {product}");
            }
            // Symmetric weights use [-127, 127] and every channel reaches its scale's end.
            var w = filter.Data!.Value.ToArray().Select(v => (sbyte)v).ToArray();
            Assert.DoesNotContain((sbyte)-128, w);
            Assert.Equal(filter.ElementCount, w.Length);
        }
        // Average pool and reshape keep their input's quantisation, as TFLite requires.
        foreach (var op in g.Operators.Where(o => o.Kind is OperatorKind.AveragePool2D or OperatorKind.Reshape))
        {
            var (a, b) = (g.Tensors[op.Inputs[0]].Quantization!, g.Tensors[op.Outputs[0]].Quantization!);
            Assert.Equal((a.Scales[0], a.ZeroPoints[0]), (b.Scales[0], b.ZeroPoints[0]));
        }
    }

    [Fact]
    public void Folding_the_input_normalisation_into_the_first_convolution_is_exact()
    {
        var rng = new SplitMix64(9);
        var norm = new InputNormalisation([-80, 3, -2, 0.5], [0.1, 0.5, 2, 1]);
        var net = new DsCnn(new DsCnnArchitecture { FirstChannels = 3, Blocks = [] }, new FeatureShape(12, 4, 1), 6, norm);
        net.Initialise(rng);
        var first = (Conv2DLayer)net.Layers[0];
        for (var o = 0; o < 3; o++) first.Bias[o] = rng.NextGaussian();
        var raw = Enumerable.Range(0, 12).Select(_ => Enumerable.Range(0, 4).Select(_ => (short)(rng.NextInt(40000) - 20000)).ToArray()).ToList();
        net.Forward(norm.Apply(raw));
        var expected = net.Activation(1).ToArray();

        AssertFoldedStemMatches(first, norm, raw, expected);
    }

    /// <summary>The stem with the normalisation folded in (<see cref="DsCnnQuantizer.FoldInputNormalisation"/>), run on raw Q7.8 values, gives the normalised net's first activation.</summary>
    internal static void AssertFoldedStemMatches(Conv2DLayer first, InputNormalisation norm, IEnumerable<short[]> raw, double[] expected)
    {
        var (w, b) = DsCnnQuantizer.FoldInputNormalisation(first, norm);
        var folded = new Conv2DLayer(first.Input, first.Output.Channels, first.KernelH, first.KernelW, first.StrideH, first.StrideW, Padding.Valid, relu: true);
        w.CopyTo(folded.Weights);
        b.CopyTo(folded.Bias);
        var y = new double[folded.Output.Size];
        folded.Forward(raw.SelectMany(c => c.Select(v => v / 256.0)).ToArray(), y);
        Assert.Contains(expected, v => v > 0);
        for (var i = 0; i < y.Length; i++) Assert.Equal(expected[i], y[i], 9);
    }
}
