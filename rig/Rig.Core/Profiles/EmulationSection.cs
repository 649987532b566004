using Rig.Core.Config;

namespace Rig.Core.Profiles;

/// <summary>
/// One window of the chip's address space for the emulator (rig/Rig.Emulation): memory the image
/// is loaded into (<c>flash</c>, <c>sram</c>), an <c>alias</c> of another region (<see cref="Of"/>),
/// or a <c>peripherals</c> window whose registers are not modelled (an access stops the run naming
/// the window). <see cref="WaitStates"/> are added to every access (the flash latency the port's
/// clock set-up programs).
/// </summary>
public sealed record EmulationRegion(string Name, uint Start, uint Size, string Kind, int WaitStates, string? Of)
{
    public static readonly string[] Kinds = ["flash", "sram", "alias", "peripherals"];

    public ulong End => (ulong)Start + Size;
}

/// <summary>
/// The optional <c>emulation:</c> section of a profile: the chip's memory map and the vendor's
/// choices in the core's exception model, for `rig emulate` and emulated boards.
/// <see cref="VectorTable"/> is where the core reads SP and PC at reset (the flash alias at 0 on
/// PY32/STM32; behind boot2 on the RP2040). <see cref="MultiplyCycles"/> is the M0+ multiplier option.
/// </summary>
public sealed record EmulationSection(uint VectorTable, int Irqs, int PriorityBits, bool HasVtor, int MultiplyCycles, IReadOnlyList<EmulationRegion> Regions)
{
    /// <summary>Null when the profile has no emulation section.</summary>
    public static EmulationSection? Read(YamlMap m, BoardFacts facts)
    {
        if (!m.Exists) return null;
        m.RejectUnknown("vector_table", "irqs", "priority_bits", "vtor", "multiply_cycles", "regions");
        var m0 = facts.Core == "cortex-m0plus";
        var priorityBits = m.Int("priority_bits", m0 ? 2 : 4, min: 2, max: 8);
        if (m0 && priorityBits != 2) m.Error("priority_bits", "ARMv6-M implements exactly 2 priority bits (ARMv6-M ARM B3.4.7)");
        // Cortex-M0+ implementation option: the single-cycle or the 32-cycle iterative multiplier (ARM DDI 0484C 3.3).
        var multiply = m.Int("multiply_cycles", 1, min: 1, max: 32);
        if (multiply is not (1 or 32)) m.Error("multiply_cycles", "the Cortex-M0+ multiplier takes 1 or 32 cycles (ARM DDI 0484C table 3-1)");
        var regions = new List<EmulationRegion>();
        foreach (var r in m.List("regions"))
        {
            r.RejectUnknown("name", "start", "size", "kind", "wait_states", "of");
            var region = new EmulationRegion(
                r.String("name") ?? "",
                (uint)r.Long("start", min: 0, max: uint.MaxValue),
                (uint)r.Long("size", min: 1, max: uint.MaxValue),
                r.Choice("kind", EmulationRegion.Kinds),
                r.Int("wait_states", 0, min: 0, max: 15),
                r.String("of", required: false));
            if (region.End > 1ul << 32) r.Error("size", $"0x{region.Start:X8} + 0x{region.Size:X} runs past the 4 GB address space");
            if ((region.Kind == "alias") != (region.Of is not null)) r.Error("of", region.Kind == "alias" ? "an alias names the region it mirrors" : "only an alias has 'of'");
            foreach (var other in regions)
                if (region.Start < other.End && other.Start < region.End)
                    r.Error("start", $"{region.Name} 0x{region.Start:X8}-0x{region.End - 1:X8} overlaps {other.Name}");
            regions.Add(region);
        }
        foreach (var (region, i) in regions.Select((x, i) => (x, i)))
            if (region.Of is { } of && regions.FirstOrDefault(x => x.Name == of) is var target)
            {
                if (target is null || target.Kind is not ("flash" or "sram")) m.Error($"regions[{i}].of", $"'{of}' is not a flash or sram region of this map");
                else if (region.Size > target.Size) m.Error($"regions[{i}].size", $"the alias is larger than '{of}' ({target.Size} B)");
            }
        if (!regions.Any(x => x.Kind == "flash")) m.Error("regions", "no flash region: the image has nowhere to be loaded");
        return new EmulationSection(
            (uint)m.Long("vector_table", min: 0, max: uint.MaxValue),
            m.Int("irqs", min: 1, max: 496),
            priorityBits,
            m.Bool("vtor", true),
            multiply,
            regions);
    }
}
