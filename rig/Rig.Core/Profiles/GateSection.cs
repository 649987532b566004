using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>Regression thresholds: how much worse than the baseline a run may be and still pass.</summary>
public sealed record GateSection(
    double AccuracyDropPoints,
    double CyclesIncreasePercent,
    double EnergyIncreasePercent,
    int RamIncreaseBytes,
    int FlashIncreaseBytes,
    long FeatureMismatches)
{
    public static GateSection Read(YamlMap m)
    {
        m.RejectUnknown("accuracy_drop_points", "cycles_increase_percent", "energy_increase_percent", "ram_increase_bytes", "flash_increase_bytes", "feature_mismatches");
        return new GateSection(
            m.Double("accuracy_drop_points", 2, min: 0, max: 100),
            m.Double("cycles_increase_percent", 5, min: 0),
            m.Double("energy_increase_percent", 5, min: 0),
            m.Int("ram_increase_bytes", 0, min: 0),
            m.Int("flash_increase_bytes", 0, min: 0),
            m.Long("feature_mismatches", 0, min: 0));
    }
}
