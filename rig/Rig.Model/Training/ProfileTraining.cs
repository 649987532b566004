using Rig.Audio.Playlists;
using Rig.Core.Profiles;
using Rig.Dsp.Tables;

namespace Rig.Model.Training;

/// <summary>
/// `rig train` as a library call: a profile's frontend and classifier settings, a training playlist
/// and a held-out playlist in, a trained and quantised model with its accuracy out.
/// </summary>
public static class ProfileTraining
{
    public static TrainingResult Train(BoardProfile profile, Playlist train, Playlist eval, TrainingOptions options)
    {
        var trainClips = PlaylistFeatures.Compute(train, profile.Frontend);
        var evalClips = PlaylistFeatures.Compute(eval, profile.Frontend);
        return Train(profile, train.File, trainClips, eval.File, evalClips, options);
    }

    public static TrainingResult Train(BoardProfile profile, string trainName, IReadOnlyList<LabelledClip> train, string evalName, IReadOnlyList<LabelledClip> eval, TrainingOptions options)
    {
        var shape = Shape(profile, options.Hidden);
        return ModelTrainer.Train(trainName, train, evalName, eval, shape, profile.Classifier, options);
    }

    public static ModelShape Shape(BoardProfile profile, int hidden) => new(
        $"mlp{2 * profile.Frontend.ColumnLength}x{hidden}x6-{profile.Name}",
        profile.Name,
        profile.Frontend.ColumnLength,
        profile.Classifier.WindowColumns,
        new FrontendTables(profile.Frontend).ConfigHash,
        profile.Frontend.MfccCount > 0 ? profile.Frontend.MelBands : 0);
}
