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
}
