namespace Rig.Model.Training.Cnn;

/// <summary>
/// The depthwise-separable CNN's layout (the keyword-spotting DS-CNN of Zhang et al. 2017, shrunk):
/// one full convolution spanning every band (VALID: each filter column meets one band only, so
/// the per-band input normalisation folds into it exactly), then blocks of a 3x1 depthwise and a
/// 1x1 pointwise convolution (SAME, ReLU) along time, a global average pool and a fully connected
/// layer to the classes. Per window of 64 x 13 MFCCs (stm32l4): conv 5x13 stride 2 -> [30, 1, 32],
/// a block -> [30, 1, 32], a block with stride 2 -> [15, 1, 32], pool, FC 32 -> 6; about 112k MACs.
/// </summary>
public sealed record DsCnnArchitecture
{
    public int FirstChannels { get; init; } = 32;
    public int FirstKernelHeight { get; init; } = 5;
    public int FirstStrideHeight { get; init; } = 2;

    /// <summary>Per block: the depthwise stride along time and the pointwise output channels.</summary>
    public IReadOnlyList<(int Stride, int Channels)> Blocks { get; init; } = [(1, 32), (2, 32)];

    public static DsCnnArchitecture Default { get; } = new();
}
