namespace Rig.Audio.Wav;

/// <summary>How samples are stored in a WAV data chunk.</summary>
public enum WavEncoding
{
    Pcm8,
    Pcm16,
    Pcm24,
    Pcm32,
    Float32,
    Float64,
}

/// <summary>The format tags of the fmt chunk that the rig understands (Microsoft RIFF/WAVE, mmreg.h).</summary>
public enum WavFormatTag : ushort
{
    Pcm = 0x0001,
    IeeeFloat = 0x0003,
    Extensible = 0xFFFE,
}

public static class WavEncodings
{
    public static int BitsPerSample(this WavEncoding e) => e switch
    {
        WavEncoding.Pcm8 => 8,
        WavEncoding.Pcm16 => 16,
        WavEncoding.Pcm24 => 24,
        WavEncoding.Pcm32 => 32,
        WavEncoding.Float32 => 32,
        WavEncoding.Float64 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static bool IsFloat(this WavEncoding e) => e is WavEncoding.Float32 or WavEncoding.Float64;
}
