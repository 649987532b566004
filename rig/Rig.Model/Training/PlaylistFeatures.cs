using Rig.Audio.Playlists;
using Rig.Dsp;
using Rig.Dsp.Frontend;
using Rig.Dsp.Tables;

namespace Rig.Model.Training;

/// <summary>
/// Inject-mode features of a playlist: each clip rendered at the board's rate as Q15 samples and run
/// through the golden frontend from a fresh state, i.e. exactly the columns a board computes from
/// the same samples.
/// </summary>
public static class PlaylistFeatures
{
    public static List<LabelledClip> Compute(Playlist playlist, FrontendConfig frontend)
    {
        var tables = new FrontendTables(frontend);
        var clips = new List<LabelledClip>(playlist.Items.Count);
        foreach (var item in playlist.Items)
        {
            var samples = ClipRenderer.RenderQ15(item, frontend.SampleRate);
            var columns = new Q15Frontend(tables).ComputeAll(samples);
            clips.Add(new LabelledClip(item.Name, item.LabelIndex, columns));
        }
        return clips;
    }
}
