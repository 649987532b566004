namespace Rig.Model.Training.Cnn;

/// <summary>
/// Knobs of one DS-CNN training run; the defaults are what `rig train --arch ds-cnn` uses. The
/// augmentations past the gain and noise (time shift, masks, mixup) are off: on playlists/hard-val.yaml
/// they tied (shift) or cost 6-8 points (masks with smoothing, plus mixup); the 32-channel net fits its
/// training windows to under 80 %, so it needs signal, not regularising. Label smoothing alone paid a little.
/// </summary>
public sealed record DsCnnOptions
{
    public ulong Seed { get; init; } = 1;
    public DsCnnArchitecture Architecture { get; init; } = DsCnnArchitecture.Default;
    /// <summary>
    /// 40: with `--render both` (7,200 clips) the full-band net still gained at 20 (playlists/hard-val.yaml stm32l4: 75.0 % at
    /// 20, 75.6 % at 40, acoustic 76.1 -> 76.7 %), where the MLP lost at 40 (75.6 -> 68.9 %), so the MLP keeps 20.
    /// </summary>
    public int Epochs { get; init; } = 40;
    public int BatchSize { get; init; } = 32;
    /// <summary>Peak of the cosine schedule; 0.01 over 20 epochs beat 0.003 over 10 and a 64-channel net on playlists/hard-val.yaml.</summary>
    public double LearningRate { get; init; } = 0.01;
    public double WeightDecay { get; init; } = 1e-4;
    /// <summary>Gaussian noise on the normalised inputs (standard deviations).</summary>
    public double InputNoise { get; init; } = 0.05;
    public double GainAugmentationDb { get; init; } = 6;
    /// <summary>Training windows start every this many columns; 0 = half the window (more clips beat denser windows).</summary>
    public int TrainStrideColumns { get; init; }
    /// <summary>Each training window starts up to this many columns earlier or later than its grid position (uniform, inside the clip); 0 = never.</summary>
    public int TimeShiftColumns { get; init; }
    /// <summary>SpecAugment time masks per window, each a run of 0 to <see cref="TimeMaskMaxColumns"/> columns set to the mean.</summary>
    public int TimeMasks { get; init; }
    public int TimeMaskMaxColumns { get; init; }
    /// <summary>SpecAugment band masks per window, each a run of 0 to <see cref="BandMaskMaxBands"/> bands set to the mean.</summary>
    public int BandMasks { get; init; }
    public int BandMaskMaxBands { get; init; }
    /// <summary>Share of the target spread evenly over all classes instead of the true one (0 = one-hot); 0.1 won on playlists/hard-val.yaml (75.6 % vs 74.4 %).</summary>
    public double LabelSmoothing { get; init; } = 0.1;
    /// <summary>
    /// Share of training windows blended with another random training window (mixup on the normalised
    /// inputs, the target blended alike, the other window's weight uniform in [0, <see cref="MixMaxWeight"/>]).
    /// </summary>
    public double MixShare { get; init; }
    public double MixMaxWeight { get; init; } = 0.5;
}
