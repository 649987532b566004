using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>
/// Power: the board's current model for virtual runs (datasheet figures) and the INA219 that
/// measures a real board.
/// </summary>
public sealed record PowerSection(
    double SupplyVolts,
    double RunMicroampsPerMhz,
    double BaseRunMicroamps,
    double SleepMicroamps,
    Ina219Section? Ina219,
    int? MarkerGpio)
{
    /// <summary>Longest marked window (BURST or IDLE) the rig may ask for, seconds (power.max_window_s, default 2).</summary>
    public double MaxWindowSeconds { get; init; } = 2.0;

    /// <summary>The board's watchdog timeout, ms (power.watchdog_ms), when its port arms one: no burst may reach it.</summary>
    public int? WatchdogMs { get; init; }

    /// <summary>
    /// Which regulator the run figures assume (power.regulator: "dcdc" or "ldo"; null when the chip has one supply
    /// path). The port must configure the same one (nRF52840: POWER.DCDCEN).
    /// </summary>
    public string? Regulator { get; init; }

    /// <summary>The longest burst or idle window the board may be given: the profile's limit, and under its watchdog.</summary>
    public double WindowLimitSeconds => WatchdogMs is { } w ? Math.Min(MaxWindowSeconds, w / 1000.0) : MaxWindowSeconds;

    public static PowerSection Read(YamlMap m)
    {
        m.RejectUnknown("supply_v", "run_ua_per_mhz", "base_run_ua", "sleep_ua", "ina219", "marker_gpio", "max_window_s", "watchdog_ms", "regulator");
        var ina = m.Map("ina219", required: false);
        return new PowerSection(
            m.Double("supply_v", 3.3, min: 0.5, max: 26),
            m.Double("run_ua_per_mhz", min: 0, max: 100_000),
            m.Double("base_run_ua", 0, min: 0, max: 1_000_000),
            m.Double("sleep_ua", min: 0, max: 1_000_000),
            ina.Exists ? Ina219Section.Read(ina) : null,
            m.Has("marker_gpio") ? m.Int("marker_gpio", min: 0, max: 1023) : null)
        {
            MaxWindowSeconds = m.Double("max_window_s", 2.0, min: 0.001, max: 60),
            WatchdogMs = m.Has("watchdog_ms") ? m.Int("watchdog_ms", min: 1, max: 3_600_000) : null,
            Regulator = m.Has("regulator") ? m.Choice("regulator", ["dcdc", "ldo"]) : null,
        };
    }
}

/// <summary>Where a board's INA219 sits and what it measures across.</summary>
public sealed record Ina219Section(int Bus, int Address, double ShuntOhms, double MaxCurrentAmps)
{
    public static Ina219Section Read(YamlMap m)
    {
        m.RejectUnknown("bus", "address", "shunt_ohms", "max_current_a");
        return new Ina219Section(
            m.Int("bus", 1, min: 0, max: 255),
            m.Int("address", 0x40, min: 0x40, max: 0x4F),
            m.Double("shunt_ohms", 0.1, min: 1e-4, max: 100),
            m.Double("max_current_a", 0.4, min: 1e-6, max: 100));
    }
}
