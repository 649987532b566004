using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>The chip on the board (profile section board:). Cores and cycle counters are the kinds the rig can drive, not a list of boards.</summary>
public sealed record BoardFacts(string Mcu, string Core, long ClockHz, long MaxClockHz, int RamBytes, int FlashBytes, string CycleCounter)
{
    public static readonly string[] Cores = ["cortex-m0plus", "cortex-m4f"];
    public static readonly string[] CycleCounters = ["systick24", "dwt"];

    public static BoardFacts Read(YamlMap m)
    {
        m.RejectUnknown("mcu", "core", "clock_hz", "max_clock_hz", "ram_bytes", "flash_bytes", "cycle_counter");
        var clock = m.Long("clock_hz", min: 1_000_000, max: 1_000_000_000);
        var facts = new BoardFacts(
            m.String("mcu") ?? "",
            m.Choice("core", Cores),
            clock,
            m.Long("max_clock_hz", clock, min: 1_000_000, max: 1_000_000_000),
            m.Int("ram_bytes", min: 1024, max: 16 * 1024 * 1024),
            m.Int("flash_bytes", min: 0, max: 64 * 1024 * 1024),
            m.Choice("cycle_counter", CycleCounters));
        if (facts.ClockHz > facts.MaxClockHz) m.Error("clock_hz", $"{facts.ClockHz} Hz is above the chip's maximum {facts.MaxClockHz} Hz");
        return facts;
    }
}
