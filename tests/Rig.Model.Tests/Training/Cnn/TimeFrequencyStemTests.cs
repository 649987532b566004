using Rig.Dsp;
using Rig.Model.Graph;
using Rig.Model.Training;
using Rig.Model.Training.Cnn;
using Rig.Model.Training.Export;

namespace Rig.Model.Tests.Training.Cnn;

/// <summary>
/// The time-frequency stem: its layer shapes, the shared input normalisation it needs, and that the
/// normalisation folds into its VALID filter exactly (and refuses the per-band one, which would not).
/// </summary>
public class TimeFrequencyStemTests
{
    private static readonly DsCnnArchitecture Small = DsCnnArchitecture.TimeFrequencyDefault with { FirstChannels = 3, Blocks = [] };

    [Fact]
    public void On_64_by_32_log_mels_the_default_net_strides_over_time_and_bands()
    {
        var net = new DsCnn(DsCnnArchitecture.TimeFrequencyDefault, new FeatureShape(64, 32, 1), 6, new InputNormalisation(new double[32], Enumerable.Repeat(1.0, 32).ToArray()));
        Assert.Equal(
            ["[30, 14, 32]", "[15, 7, 32]", "[15, 7, 32]", "[15, 7, 32]", "[15, 7, 32]", "[1, 1, 32]", "[1, 1, 6]"],
            net.Layers.Select(l => l.Output.ToString()));
        var dw = (DepthwiseConv2DLayer)net.Layers[1];
        Assert.Equal((3, 3, 2, 2, Padding.Same), (dw.KernelH, dw.KernelW, dw.StrideH, dw.StrideW, dw.Padding));
    }

    [Fact]
    public void The_full_band_net_keeps_its_one_band_wide_time_blocks()
    {
        var net = new DsCnn(DsCnnArchitecture.Default, new FeatureShape(64, 13, 1), 6, new InputNormalisation(new double[13], Enumerable.Repeat(1.0, 13).ToArray()));
        Assert.Equal(["[30, 1, 32]", "[30, 1, 32]", "[30, 1, 32]", "[15, 1, 32]", "[15, 1, 32]", "[1, 1, 32]", "[1, 1, 6]"], net.Layers.Select(l => l.Output.ToString()));
        var dw = (DepthwiseConv2DLayer)net.Layers[3];
        Assert.Equal((3, 1, 2, 1), (dw.KernelH, dw.KernelW, dw.StrideH, dw.StrideW));
    }

    [Fact]
    public void The_shared_normalisation_is_the_mean_and_spread_of_every_value()
    {
        short[][] columns = [[256, 512, 768], [-256, 0, 256]];
        var n = InputNormalisation.FitGlobal(columns, 3);
        // Values 1, 2, 3, -1, 0, 1 (Q7.8 / 256): mean 1, variance (0 + 1 + 4 + 4 + 1 + 0) / 6 = 5/3.
        Assert.All(n.Mean, m => Assert.Equal(1.0, m, 12));
        Assert.All(n.InvStd, s => Assert.Equal(Math.Sqrt(3.0 / 5), s, 12));
        Assert.True(n.IsGlobal);
        Assert.False(InputNormalisation.Fit(columns, 3).IsGlobal);
        Assert.Equal(DsCnnStem.TimeFrequency, Small.Stem);
        Assert.True(Small.FitNormalisation(columns, 3).IsGlobal);
        Assert.False(DsCnnArchitecture.Default.FitNormalisation(columns, 3).IsGlobal);
    }

    [Fact]
    public void Folding_the_shared_normalisation_into_a_sliding_stem_is_exact()
    {
        var rng = new SplitMix64(5);
        var norm = new InputNormalisation(Enumerable.Repeat(-40.0, 9).ToArray(), Enumerable.Repeat(0.2, 9).ToArray());
        var net = new DsCnn(Small, new FeatureShape(13, 9, 1), 6, norm);
        net.Initialise(rng);
        var first = (Conv2DLayer)net.Layers[0];
        Assert.Equal((5, 5, 2, 2), (first.KernelH, first.KernelW, first.StrideH, first.StrideW));
        for (var o = 0; o < 3; o++) first.Bias[o] = rng.NextGaussian();
        var raw = Enumerable.Range(0, 13).Select(_ => Enumerable.Range(0, 9).Select(_ => (short)(rng.NextInt(40000) - 20000)).ToArray()).ToList();
        net.Forward(norm.Apply(raw));
        var expected = net.Activation(1).ToArray();

        DsCnnTrainingTests.AssertFoldedStemMatches(first, norm, raw, expected);
    }

    [Fact]
    public void A_per_band_normalisation_does_not_fold_into_a_sliding_stem()
    {
        var perBand = new InputNormalisation([1, 2, 3, 4, 5, 6, 7, 8], Enumerable.Repeat(1.0, 8).ToArray());
        var net = new DsCnn(Small, new FeatureShape(12, 8, 1), 6, perBand);
        var e = Assert.Throws<InvalidOperationException>(() => DsCnnQuantizer.FoldInputNormalisation((Conv2DLayer)net.Layers[0], perBand));
        Assert.Contains("shared by all bands", e.Message);
    }
}
