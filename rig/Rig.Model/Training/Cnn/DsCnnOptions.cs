namespace Rig.Model.Training.Cnn;

/// <summary>Knobs of one DS-CNN training run; the defaults are what `rig train --arch ds-cnn` uses.</summary>
public sealed record DsCnnOptions
{
    public ulong Seed { get; init; } = 1;
    public DsCnnArchitecture Architecture { get; init; } = DsCnnArchitecture.Default;
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 0.003;
    public double WeightDecay { get; init; } = 1e-4;
    /// <summary>Gaussian noise on the normalised inputs (standard deviations).</summary>
    public double InputNoise { get; init; } = 0.05;
    public double GainAugmentationDb { get; init; } = 6;
    /// <summary>Training windows start every this many columns; 0 = half the window (more clips beat denser windows).</summary>
    public int TrainStrideColumns { get; init; }
}
