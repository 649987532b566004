using Rig.Audio.Playlists;
using Rig.Core.Profiles;
using Rig.Model.Graph;
using Rig.Model.Training;

namespace Rig.Model.Tflite.Oracle;

/// <summary>
/// The int8 model inputs a board computes from a playlist in inject mode: the golden frontend's columns of each clip,
/// every full window (classifier.window_columns, every window_hop_columns), as the window ([1, W, B, 1], oldest column
/// first) or as its stats ([1, 2B], WindowStats), each Q7.8 value quantised to the input tensor:
/// q = zp + round(v / 256 / scale), saturated to int8 (train-cnn's convention, TEAM.md 20:56).
/// </summary>
public static class PlaylistModelInputs
{
    public static List<sbyte[]> Of(ModelGraph graph, BoardProfile profile, Playlist playlist)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(profile);
        var q = graph.Input.Quantization ?? throw new ArgumentException("the model's input has no quantisation", nameof(graph));
        var (scale, zeroPoint) = (q.Scales[0], q.ZeroPoints[0]);
        var w = profile.Classifier.WindowColumns;
        var hop = profile.Classifier.WindowHopColumns;
        var b = profile.Frontend.ColumnLength;
        var inputs = new List<sbyte[]>();
        foreach (var clip in PlaylistFeatures.Compute(playlist, profile.Frontend))
        {
            if (graph.InputKind == ModelInputKind.Stats)
            {
                foreach (var stats in WindowStats.Of(clip.Columns, b, w, hop)) inputs.Add([.. stats.Select(v => Quantize(v, scale, zeroPoint))]);
                continue;
            }
            for (var start = 0; start + w <= clip.Columns.Count; start += hop)
                inputs.Add([.. clip.Columns.Skip(start).Take(w).SelectMany(c => c.Take(b)).Select(v => Quantize(v, scale, zeroPoint))]);
        }
        return inputs;
    }

    private static sbyte Quantize(short q78, double scale, long zeroPoint) =>
        (sbyte)Math.Clamp(zeroPoint + (long)Math.Round(q78 / 256.0 / scale, MidpointRounding.AwayFromZero), sbyte.MinValue, sbyte.MaxValue);
}
