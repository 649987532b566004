namespace Rig.Model.Training.Cnn;

/// <summary>Knobs of one DS-CNN training run; the defaults are what `rig train --arch ds-cnn` uses.</summary>
public sealed record DsCnnOptions
{
    public ulong Seed { get; init; } = 1;
    public DsCnnArchitecture Architecture { get; init; } = DsCnnArchitecture.Default;
    public int Epochs { get; init; } = 20;
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
    /// <summary>Share of the target spread evenly over all classes instead of the true one (0 = one-hot).</summary>
    public double LabelSmoothing { get; init; }
    /// <summary>
    /// Share of training windows blended with another random training window (mixup on the normalised
    /// inputs, the target blended alike, the other window's weight uniform in [0, <see cref="MixMaxWeight"/>]).
    /// </summary>
    public double MixShare { get; init; }
    public double MixMaxWeight { get; init; } = 0.5;
}
