namespace Rig.Model.Training.Cnn;

/// <summary>How the DS-CNN's first convolution meets the feature columns.</summary>
public enum DsCnnStem
{
    /// <summary>
    /// A filter spanning every band (VALID), so the net is 1-D along time: right for MFCCs, whose
    /// coefficients have no locality; the per-band input normalisation folds into it exactly.
    /// </summary>
    FullBand,

    /// <summary>
    /// A small time x frequency filter sliding over the bands (VALID in both, strided in both), then
    /// 3x3 depthwise blocks: right for log-mel bands, where a sound shifted by a band or two still
    /// meets the same filter. The input normalisation is one mean and scale over all bands, which
    /// folds into a VALID filter exactly wherever it sits.
    /// </summary>
    TimeFrequency,
}

/// <summary>
/// The depthwise-separable CNN's layout (the keyword-spotting DS-CNN of Zhang et al. 2017, shrunk):
/// a first full convolution (see <see cref="DsCnnStem"/>), then blocks of a 3x3 depthwise (3x1 once
/// the width is one band) and a 1x1 pointwise convolution (SAME, ReLU), a global average pool and a
/// fully connected layer to the classes. Per window of 64 x 13 MFCCs with the full-band stem: conv
/// 5x13 stride 2 -> [30, 1, 32], a block -> [30, 1, 32], a block with stride 2 -> [15, 1, 32], pool,
/// FC 32 -> 6; about 112k MACs. A block's stride applies along time, and along frequency too while
/// the width is more than one band.
/// </summary>
public sealed record DsCnnArchitecture
{
    public DsCnnStem Stem { get; init; } = DsCnnStem.FullBand;
    public int FirstChannels { get; init; } = 32;
    public int FirstKernelHeight { get; init; } = 5;
    public int FirstStrideHeight { get; init; } = 2;

    /// <summary>The first filter's width in bands and its stride across them (the time-frequency stem only; the full-band stem spans every band).</summary>
    public int FirstKernelWidth { get; init; } = 3;
    public int FirstStrideWidth { get; init; } = 2;

    /// <summary>Per block: the depthwise stride and the pointwise output channels.</summary>
    public IReadOnlyList<(int Stride, int Channels)> Blocks { get; init; } = [(1, 32), (2, 32)];

    /// <summary>
    /// What `rig train --arch ds-cnn` trains without architecture options: the full-band net, which both DS-CNN
    /// profiles ship (stm32l4 on 13 MFCCs, nrf52840 on 40 log-mels, where the time-frequency net scored below it
    /// on playlists/hard-val.yaml).
    /// </summary>
    public static DsCnnArchitecture Default { get; } = new();

    /// <summary>
    /// The time-frequency net for log-mel windows: conv 5x5 stride (2, 2) -> 32 channels, a 3x3
    /// depthwise block with stride 2 -> 32, one with stride 1 -> 32. On 64 x 32 log-mels: [30, 14, 32],
    /// [15, 7, 32], [15, 7, 32], about 615k MACs. Chosen on playlists/hard-val.yaml (README, issue 19)
    /// over a 3x3 stem of 16 channels, 48-channel blocks, a third block and 40 bands; not shipped (README, issue 19:
    /// 12.8x the full-band net's cycles on the M4 for a gain the two held-out playlists do not agree on).
    /// </summary>
    public static DsCnnArchitecture TimeFrequencyDefault { get; } = new()
    {
        Stem = DsCnnStem.TimeFrequency, FirstChannels = 32, FirstKernelHeight = 5, FirstStrideHeight = 2,
        FirstKernelWidth = 5, FirstStrideWidth = 2, Blocks = [(2, 32), (1, 32)],
    };

    /// <summary>The normalisation the stem folds exactly: per band for the full-band stem, one over all bands otherwise.</summary>
    public InputNormalisation FitNormalisation(IEnumerable<short[]> columns, int bands) =>
        Stem == DsCnnStem.FullBand ? InputNormalisation.Fit(columns, bands) : InputNormalisation.FitGlobal(columns, bands);
}
