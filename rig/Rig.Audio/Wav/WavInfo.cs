namespace Rig.Audio.Wav;

/// <summary>
/// What an audio file's header says (RIFF/WAVE or Sun .au), checked against the file's actual size:
/// where the sample data starts and how many whole frames it holds, so that any excerpt can be
/// read without reading the rest of the file.
/// </summary>
public sealed record WavInfo(
    string File,
    WavEncoding Encoding,
    int Channels,
    int SampleRate,
    long Frames,
    bool Extensible)
{
    public AudioContainer Container { get; init; } = AudioContainer.Wav;

    /// <summary>Byte offset of the first sample frame in the file.</summary>
    public long DataOffset { get; init; }

    /// <summary>Multi-byte samples are big-endian (Sun .au); WAV is little-endian.</summary>
    public bool BigEndian { get; init; }

    public double DurationSeconds => (double)Frames / SampleRate;
    public int BlockAlign => Channels * Encoding.BitsPerSample() / 8;
}

/// <summary>A decoded WAV: the header facts and the samples downmixed to mono, in [-1, 1].</summary>
public sealed record WavAudio(WavInfo Info, float[] Mono)
{
    public int SampleRate => Info.SampleRate;
}
