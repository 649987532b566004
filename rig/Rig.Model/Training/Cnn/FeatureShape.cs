namespace Rig.Model.Training.Cnn;

/// <summary>An activation's shape without the batch: height (time), width (bands), channels; NHWC order in memory.</summary>
public readonly record struct FeatureShape(int Height, int Width, int Channels)
{
    public int Size => Height * Width * Channels;

    public override string ToString() => $"[{Height}, {Width}, {Channels}]";
}
