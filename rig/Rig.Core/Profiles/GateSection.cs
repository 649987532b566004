using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>Regression thresholds: how much worse than the baseline a run may be and still pass.</summary>
/// <remarks>
/// <see cref="CyclesIncreasePercent"/> and <see cref="EnergyIncreasePercent"/> hold for counts from the MCU's
/// cycle counter, which repeat to the cycle. A virtual board reports host thread CPU time ("host-cycles") and
/// its power model integrates those, so both wander run to run with host load; the host_* limits are the
/// wider ones the gate applies to such runs (see profiles/*.yaml for the measured spread behind the defaults).
/// </remarks>
public sealed record GateSection(
    double AccuracyDropPoints,
    double CyclesIncreasePercent,
    double EnergyIncreasePercent,
    int RamIncreaseBytes,
    int FlashIncreaseBytes,
    long FeatureMismatches)
{
    /// <summary>Default for host-timed cycle medians; measured spread on a loaded 2-core host, see profiles/*.yaml.</summary>
    public const double DefaultHostCyclesIncreasePercent = 100;
    /// <summary>Default for energy on a virtual board (driven by host-timed cycles).</summary>
    public const double DefaultHostEnergyIncreasePercent = 100;

    /// <summary>Default for emulated MCU cycles and the energy computed from them: a run repeats to the cycle, so any change is the image's.</summary>
    public const double DefaultEmulatedIncreasePercent = 1;

    public double HostCyclesIncreasePercent { get; init; } = DefaultHostCyclesIncreasePercent;
    /// <summary>Limit for cycles counted on the rig's emulator (`--board emulated`): deterministic, so tight.</summary>
    public double EmulatedCyclesIncreasePercent { get; init; } = DefaultEmulatedIncreasePercent;
    /// <summary>Limit for energy an emulated board's power model gives from its MCU cycles.</summary>
    public double EmulatedEnergyIncreasePercent { get; init; } = DefaultEmulatedIncreasePercent;
    public double HostEnergyIncreasePercent { get; init; } = DefaultHostEnergyIncreasePercent;
    /// <summary>Model output values (int8) allowed to differ from the golden twin: absolute, like <see cref="FeatureMismatches"/>.</summary>
    public long ModelMismatches { get; init; }

    public static GateSection Read(YamlMap m)
    {
        m.RejectUnknown("accuracy_drop_points", "cycles_increase_percent", "energy_increase_percent", "ram_increase_bytes", "flash_increase_bytes", "feature_mismatches",
            "model_mismatches", "host_cycles_increase_percent", "host_energy_increase_percent", "emulated_cycles_increase_percent", "emulated_energy_increase_percent");
        return new GateSection(
            m.Double("accuracy_drop_points", 2, min: 0, max: 100),
            m.Double("cycles_increase_percent", 5, min: 0),
            m.Double("energy_increase_percent", 5, min: 0),
            m.Int("ram_increase_bytes", 0, min: 0),
            m.Int("flash_increase_bytes", 0, min: 0),
            m.Long("feature_mismatches", 0, min: 0))
        {
            HostCyclesIncreasePercent = m.Double("host_cycles_increase_percent", DefaultHostCyclesIncreasePercent, min: 0),
            HostEnergyIncreasePercent = m.Double("host_energy_increase_percent", DefaultHostEnergyIncreasePercent, min: 0),
            EmulatedCyclesIncreasePercent = m.Double("emulated_cycles_increase_percent", DefaultEmulatedIncreasePercent, min: 0),
            EmulatedEnergyIncreasePercent = m.Double("emulated_energy_increase_percent", DefaultEmulatedIncreasePercent, min: 0),
            ModelMismatches = m.Long("model_mismatches", 0, min: 0),
        };
    }
}
