namespace Rig.Audio.Wav;

/// <summary>What a WAV file's header says, checked against the file's actual size.</summary>
public sealed record WavInfo(
    string File,
    WavEncoding Encoding,
    int Channels,
    int SampleRate,
    long Frames,
    bool Extensible)
{
    public double DurationSeconds => (double)Frames / SampleRate;
    public int BlockAlign => Channels * Encoding.BitsPerSample() / 8;
}

/// <summary>A decoded WAV: the header facts and the samples downmixed to mono, in [-1, 1].</summary>
public sealed record WavAudio(WavInfo Info, float[] Mono)
{
    public int SampleRate => Info.SampleRate;
}
