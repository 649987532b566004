namespace Rig.Core.Seams;

/// <summary>
/// Somewhere a clip can be played: a speaker through ALSA, or the virtual room that virtual
/// boards listen in. Samples are mono at <see cref="SampleRate"/>.
/// </summary>
public interface IAudioOutput : IDisposable
{
    string Name { get; }
    int SampleRate { get; }
    /// <summary>Plays the samples; returns when they have been handed to the device.</summary>
    void Play(ReadOnlySpan<float> samples, CancellationToken cancellationToken = default);
    /// <summary>Waits until everything played has left the speaker.</summary>
    void Drain();
}
