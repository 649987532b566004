namespace Rig.Audio.Wav;

/// <summary>
/// How samples are stored in an audio file's data. Pcm8 is WAV's unsigned 8-bit; Pcm8Signed is
/// Sun .au's signed 8-bit; MuLaw and ALaw are G.711 8-bit companded codes.
/// </summary>
public enum WavEncoding
{
    Pcm8,
    Pcm16,
    Pcm24,
    Pcm32,
    Float32,
    Float64,
    MuLaw,
    ALaw,
    Pcm8Signed,
}

/// <summary>The format tags of the fmt chunk that the rig understands (Microsoft RIFF/WAVE, mmreg.h).</summary>
public enum WavFormatTag : ushort
{
    Pcm = 0x0001,
    IeeeFloat = 0x0003,
    ALaw = 0x0006,
    MuLaw = 0x0007,
    Extensible = 0xFFFE,
}

/// <summary>The file formats the reader knows: RIFF/WAVE and Sun/NeXT .au.</summary>
public enum AudioContainer
{
    Wav,
    SunAu,
}

public static class WavEncodings
{
    public static int BitsPerSample(this WavEncoding e) => e switch
    {
        WavEncoding.Pcm8 or WavEncoding.Pcm8Signed or WavEncoding.MuLaw or WavEncoding.ALaw => 8,
        WavEncoding.Pcm16 => 16,
        WavEncoding.Pcm24 => 24,
        WavEncoding.Pcm32 => 32,
        WavEncoding.Float32 => 32,
        WavEncoding.Float64 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static bool IsFloat(this WavEncoding e) => e is WavEncoding.Float32 or WavEncoding.Float64;
}
