namespace Rig.Audio.Playlists;

/// <summary>
/// One clip to play. Items with <c>repeat: n</c> are expanded into n items (same source, same
/// samples) named "name", "name#2", ... so consumers never see repeat counts.
/// </summary>
/// <param name="Index">Position in the expanded playlist, from 0.</param>
/// <param name="Name">Unique within the playlist; safe as a file name.</param>
/// <param name="Label">One of <see cref="Rig.Core.Labels.All"/>.</param>
/// <param name="TrimStartSeconds">Start of the excerpt in the source (files only; 0 for synth).</param>
/// <param name="DurationSeconds">Length of the rendered clip in seconds, always known at load.</param>
/// <param name="GainDb">Applied after trimming and resampling.</param>
/// <param name="Line">Line of the item in the playlist file, for error messages.</param>
public sealed record PlaylistItem(
    int Index,
    string Name,
    string Label,
    ClipSource Source,
    double TrimStartSeconds,
    double DurationSeconds,
    double GainDb,
    int Line)
{
    /// <summary>Sounds mixed in at a signal-to-noise ratio (empty: the source alone).</summary>
    public IReadOnlyList<Interferer> Mix { get; init; } = [];

    /// <summary>The room the mixture is heard in; null: dry.</summary>
    public RoomReverb? Reverb { get; init; }

    public int LabelIndex => Rig.Core.Labels.IndexOf(Label);

    /// <summary>Number of samples the clip has at <paramref name="sampleRate"/>.</summary>
    public int SampleCount(int sampleRate) => (int)Math.Round(DurationSeconds * sampleRate);
}
