using Rig.Model.Quantized;

namespace Rig.Model.Training;

/// <summary>The stage-1 statistics of every full window of a clip, starting every <c>stride</c> columns, computed with the firmware's integer path.</summary>
public static class WindowStats
{
    public static List<short[]> Of(IReadOnlyList<short[]> columns, int bands, int windowColumns, int stride)
    {
        var result = new List<short[]>();
        var window = new ModelWindow(bands, windowColumns);
        for (var start = 0; start + windowColumns <= columns.Count; start += stride)
        {
            window.Reset();
            for (var i = 0; i < windowColumns; i++) window.Push(columns[start + i]);
            result.Add(Inference.Stats(window));
        }
        return result;
    }
}
