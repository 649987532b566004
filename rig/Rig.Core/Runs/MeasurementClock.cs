using System.Text.Json.Serialization;

namespace Rig.Core.Runs;

/// <summary>
/// Whose clock a cycle or energy figure was timed with. Every cycle and energy figure carries one wherever it
/// is shown (run.json, reports, history, gate): host time is never passed off as an MCU's.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<MeasurementClock>))]
public enum MeasurementClock
{
    /// <summary>The chip's own cycle counter (DWT CYCCNT, SysTick) on a real board.</summary>
    [JsonStringEnumMemberName("mcu")] Mcu,
    /// <summary>The flashed ELF on the rig's Cortex-M simulator: MCU cycles, exact, but not silicon.</summary>
    [JsonStringEnumMemberName("emulated-mcu")] EmulatedMcu,
    /// <summary>Host time (a native virtual board's thread CPU ns): says nothing about an MCU.</summary>
    [JsonStringEnumMemberName("host")] Host,
}

public static class MeasurementClocks
{
    /// <summary>From HELLO's cycle unit and whether the board is the emulator.</summary>
    public static MeasurementClock Of(bool mcuCycles, bool emulated = false) =>
        !mcuCycles ? MeasurementClock.Host : emulated ? MeasurementClock.EmulatedMcu : MeasurementClock.Mcu;

    /// <summary>The clock of run.json's cycle unit, for runs written before the clock field existed.</summary>
    public static MeasurementClock FromCycleUnit(Runs.CycleUnit unit) => unit switch
    {
        Runs.CycleUnit.McuCycles => MeasurementClock.Mcu,
        Runs.CycleUnit.EmulatedMcu => MeasurementClock.EmulatedMcu,
        _ => MeasurementClock.Host,
    };

    /// <summary>The unit cycles counted with this clock are written in (an emulated MCU counts MCU cycles).</summary>
    public static Runs.CycleUnit CycleUnit(this MeasurementClock clock) => clock switch
    {
        MeasurementClock.Host => Runs.CycleUnit.HostCycles,
        MeasurementClock.EmulatedMcu => Runs.CycleUnit.EmulatedMcu,
        _ => Runs.CycleUnit.McuCycles,
    };

    /// <summary>The wire name ("mcu", "emulated-mcu", "host").</summary>
    public static string Name(this MeasurementClock clock) => JsonNames.Of(clock);

    /// <summary>How a report labels a figure timed with this clock.</summary>
    public static string Label(this MeasurementClock clock) => clock switch
    {
        MeasurementClock.Mcu => "MCU clock",
        MeasurementClock.EmulatedMcu => "emulated MCU",
        _ => "host time",
    };
}

/// <summary>
/// run.json <c>cycles.unit</c> (and a baseline's <c>cycleUnit</c>): MCU cycles of a real chip, MCU cycles of the
/// emulated chip, or a virtual board's host CPU nanoseconds, never mixed.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CycleUnit>))]
public enum CycleUnit
{
    [JsonStringEnumMemberName("mcu-cycles")] McuCycles,
    [JsonStringEnumMemberName("host-cycles")] HostCycles,
    /// <summary>The image's own cycles on the rig's Cortex-M simulator: exact and deterministic, but not silicon.</summary>
    [JsonStringEnumMemberName("emulated-mcu")] EmulatedMcu,
}

/// <summary>What cut the power windows: the marker pin's edges on the rig host, or the BURST/answer message times.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PowerWindowSource>))]
public enum PowerWindowSource
{
    [JsonStringEnumMemberName("gpio")] Gpio,
    [JsonStringEnumMemberName("messages")] Messages,
}
