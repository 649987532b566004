using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>
/// How feature columns become decisions: columns are grouped into windows of
/// <see cref="WindowColumns"/>, a new window every <see cref="WindowHopColumns"/>, and a clip's
/// windows are combined by <see cref="Aggregation"/> (mean of scores, or majority vote).
/// </summary>
public sealed record ClassifierSection(int WindowColumns, int WindowHopColumns, string Aggregation)
{
    public static readonly string[] Aggregations = ["mean", "vote"];

    public static ClassifierSection Read(YamlMap m)
    {
        m.RejectUnknown("window_columns", "window_hop_columns", "aggregation");
        var window = m.Int("window_columns", 32, min: 1, max: 1024);
        var section = new ClassifierSection(window, m.Int("window_hop_columns", window / 2, min: 1, max: 1024), m.Choice("aggregation", Aggregations, "mean"));
        if (section.WindowHopColumns > section.WindowColumns)
            m.Error("window_hop_columns", $"{section.WindowHopColumns} is longer than the window ({section.WindowColumns})");
        return section;
    }
}
