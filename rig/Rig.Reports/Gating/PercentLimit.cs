using System.Globalization;
using Rig.Core.Profiles;
using Rig.Core.Runs;

namespace Rig.Reports.Gating;

/// <summary>
/// Which percent limit of the gate: section a cycle or energy check used, and why, so the table can say it.
/// <paramref name="Key"/> is the YAML key (cycles_increase_percent, host_cycles_increase_percent, ...).
/// </summary>
public sealed record PercentLimit(double Percent, string Key, string? Why)
{
    public string Text => $"+{Percent.ToString("0.##", CultureInfo.InvariantCulture)} % ({Key})";

    /// <summary>
    /// Host-timed when either side counts host cycles (a unit mismatch is refused separately). A virtual
    /// board's thread CPU time moves with host load and cache contention by tens of percent, so the
    /// tight MCU limit would fail unchanged runs; MCU cycle counters repeat to the cycle and keep it.
    /// </summary>
    public static bool IsHostTimed(CycleUnit? baselineUnit, CycleUnit? currentUnit) =>
        baselineUnit == CycleUnit.HostCycles || currentUnit == CycleUnit.HostCycles;

    /// <summary>Both sides counted on the rig's emulator: deterministic to the cycle, so the tight emulated limit holds.</summary>
    public static bool IsEmulated(MeasurementClock? baseline, MeasurementClock? current) =>
        baseline == MeasurementClock.EmulatedMcu && current == MeasurementClock.EmulatedMcu;

    public static PercentLimit Cycles(GateSection g, bool hostTimed, bool emulated = false) =>
        hostTimed ? new(g.HostCyclesIncreasePercent, "host_cycles_increase_percent", "host-timed: a virtual board's cycles are host CPU time, which moves with host load")
        : emulated ? new(g.EmulatedCyclesIncreasePercent, "emulated_cycles_increase_percent", "emulated MCU: two runs of the same image count the same cycles")
        : new(g.CyclesIncreasePercent, "cycles_increase_percent", null);

    /// <summary>Energy follows cycles: the virtual power model integrates the board's reported cycle counts.</summary>
    public static PercentLimit Energy(GateSection g, bool hostTimed, bool emulated = false) =>
        hostTimed ? new(g.HostEnergyIncreasePercent, "host_energy_increase_percent", "host-timed: the virtual power model runs on host-timed cycles")
        : emulated ? new(g.EmulatedEnergyIncreasePercent, "emulated_energy_increase_percent", "emulated MCU: the power model runs on the emulated core's cycles")
        : new(g.EnergyIncreasePercent, "energy_increase_percent", null);
}
