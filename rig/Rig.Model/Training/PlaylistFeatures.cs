using Rig.Audio.Playlists;
using Rig.Dsp;
using Rig.Dsp.Frontend;
using Rig.Dsp.Tables;

namespace Rig.Model.Training;

/// <summary>
/// Features of a playlist: each clip rendered at the board's rate as Q15 samples and run through the golden frontend
/// from a fresh state, i.e. exactly the columns a board computes from the same samples. Inject (the default) gives
/// the samples sent over serial; acoustic gives what the board's ADC records through the room (the run starts every
/// clip in a silent room and a fresh frontend, and so does this); both gives every inject clip, then every acoustic
/// clip (named "&lt;clip&gt; (acoustic)").
/// </summary>
public static class PlaylistFeatures
{
    public static List<LabelledClip> Compute(Playlist playlist, FrontendConfig frontend) => Compute(playlist, frontend, ClipRendering.Inject);

    public static List<LabelledClip> Compute(Playlist playlist, FrontendConfig frontend, ClipRendering rendering)
    {
        ArgumentNullException.ThrowIfNull(rendering);
        var tables = new FrontendTables(frontend);
        var clips = new List<LabelledClip>(playlist.Items.Count * (rendering.Mode == RenderMode.Both ? 2 : 1));
        if (rendering.Mode != RenderMode.Acoustic)
            foreach (var item in playlist.Items)
                clips.Add(new LabelledClip(item.Name, item.LabelIndex, new Q15Frontend(tables).ComputeAll(ClipRenderer.RenderQ15(item, frontend.SampleRate))));
        if (rendering.Mode != RenderMode.Inject)
            for (var i = 0; i < playlist.Items.Count; i++)
            {
                var item = playlist.Items[i];
                var heard = rendering.Heard(item, i, frontend.SampleRate);
                clips.Add(new LabelledClip(item.Name + " (acoustic)", item.LabelIndex, new Q15Frontend(tables).ComputeAll(heard)));
            }
        return clips;
    }
}
