namespace Rig.Audio.Playlists;

/// <summary>
/// The room a playlist item is heard in: reverberation time (60 dB decay) and the share of
/// reverberant sound in the result (0 = dry, 1 = only the reverberant path).
/// </summary>
public sealed record RoomReverb(double Rt60Seconds, double Wet)
{
    public string Describe() => $"reverb rt60 {Rt60Seconds:0.###} s wet {Wet:0.##}";
}
