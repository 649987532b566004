namespace Rig.Audio.Wav;

/// <summary>
/// What the reader accepts. Up to 6 channels (mono, stereo, quad, 5.1) are downmixed by equal
/// averaging; 7 or more (6.1, 7.1, ambisonics) are refused with the reason, because equal
/// averaging of those layouts double-counts surround pairs and the rig has no use for them.
/// Sample rates below 4 kHz cannot carry the bands any board listens to (8 kHz is the lowest board rate / 2 = 4 kHz).
/// </summary>
public static class WavLimits
{
    public const int MaxChannels = 6;
    public const int MinSampleRate = 4000;
    public const int MaxSampleRate = 768_000;
}
