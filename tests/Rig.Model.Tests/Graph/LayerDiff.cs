namespace Rig.Model.Tests.Graph;

/// <summary>Names the first layer and value where two runs of a graph differ, and how many values differ in all.</summary>
internal static class LayerDiff
{
    public static string? First(IReadOnlyList<sbyte[]> expected, IReadOnlyList<sbyte[]> actual)
    {
        var differing = 0;
        string? first = null;
        for (var l = 0; l < expected.Count; l++)
        {
            for (var i = 0; i < expected[l].Length; i++)
            {
                if (expected[l][i] == actual[l][i]) continue;
                differing++;
                first ??= $"layer {l} value {i}: twin {expected[l][i]}, C {actual[l][i]}";
            }
        }
        return first is null ? null : $"{differing} differing values, first at {first}";
    }
}
