namespace Rig.Model.Training;

/// <summary>
/// Knobs of one training run. Defaults are what the committed models use. Training windows start
/// every <see cref="TrainStrideColumns"/> columns (denser than the firmware's hop: more examples).
/// </summary>
public sealed record TrainingOptions
{
    public ulong Seed { get; init; } = 1;
    public int Hidden { get; init; } = 32;
    public int Epochs { get; init; } = 20;
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 0.01;
    public double WeightDecay { get; init; } = 1e-4;
    /// <summary>Gaussian noise added to the normalised inputs during training (units of one standard deviation).</summary>
    public double InputNoise { get; init; } = 0.05;
    /// <summary>Each training example is played louder or quieter by up to this many dB (uniform), as a room or mic would.</summary>
    public double GainAugmentationDb { get; init; } = 6;
    /// <summary>0 = a quarter of the window.</summary>
    public int TrainStrideColumns { get; init; }
}
