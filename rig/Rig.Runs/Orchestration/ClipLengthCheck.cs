using Rig.Audio.Playlists;
using Rig.Core.Config;
using Rig.Core.Profiles;

namespace Rig.Runs.Orchestration;

/// <summary>
/// A clip shorter than one classifier window of the profile gives the board nothing to classify: it
/// could only be scored "none", which looks like a wrong answer. Such a playlist is refused before a
/// board is opened, naming every short clip's line (the playlist loader alone cannot know the window,
/// which is the profile's).
/// </summary>
public static class ClipLengthCheck
{
    /// <summary>Samples the first classifier window needs: one FFT frame plus a hop per further column.</summary>
    public static double WindowSeconds(BoardProfile profile) =>
        (profile.Frontend.FftLength + (profile.Classifier.WindowColumns - 1) * (double)profile.Frontend.Hop) / profile.Frontend.SampleRate;

    public static void Check(Playlist playlist, BoardProfile profile)
    {
        var window = WindowSeconds(profile);
        var errors = playlist.Items
            .Where(i => i.SampleCount(profile.Frontend.SampleRate) < Math.Ceiling(window * profile.Frontend.SampleRate))
            .Select(i => new ConfigError(playlist.File, i.Line, "duration",
                $"clip '{i.Name}' is {i.DurationSeconds:0.###} s, shorter than one classifier window of profile {profile.Name} " +
                $"({window:0.###} s): the board could only score it 'none'"))
            .ToList();
        if (errors.Count > 0) throw new ConfigException(errors);
    }
}
