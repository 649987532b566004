namespace Rig.Reports.Data;

public enum MemoryPlacement { Flash, Ram, Both }

/// <summary>
/// Which memory an ELF output section occupies, by its conventional name. .data (and code copied to
/// RAM) is in both: its initial values are stored in flash and copied to RAM at reset.
/// </summary>
public static class MemoryLayout
{
    private static readonly string[] s_ramOnly = [".bss", ".sbss", ".tbss", ".stack", ".heap", ".noinit", "._user_heap_stack"];
    private static readonly string[] s_both = [".data", ".sdata", ".tdata", ".ramfunc", ".ramfuncs"];

    /// <summary>The region the ELF reader recorded (<see cref="Rig.Core.Runs.MemoryResult.SectionRegions"/>), else a guess from the name.</summary>
    public static MemoryPlacement Of(string section, IReadOnlyDictionary<string, string>? regions) =>
        regions is not null && regions.TryGetValue(section, out var region) ? region.Trim().ToLowerInvariant() switch
        {
            "ram" => MemoryPlacement.Ram,
            "flash" => MemoryPlacement.Flash,
            "flash+ram" or "ram+flash" or "flashandram" => MemoryPlacement.Both,
            _ => Of(section),
        }
        : Of(section);

    public static MemoryPlacement Of(string section)
    {
        if (s_both.Contains(section, StringComparer.Ordinal)) return MemoryPlacement.Both;
        if (s_ramOnly.Contains(section, StringComparer.Ordinal)
            || section.StartsWith(".bss.", StringComparison.Ordinal)
            || section.StartsWith(".noinit.", StringComparison.Ordinal)
            || section.Contains("ram", StringComparison.OrdinalIgnoreCase)) return MemoryPlacement.Ram;
        return MemoryPlacement.Flash;
    }

    public static bool InRam(string section, IReadOnlyDictionary<string, string>? regions = null) => Of(section, regions) != MemoryPlacement.Flash;

    public static bool InFlash(string section, IReadOnlyDictionary<string, string>? regions = null) => Of(section, regions) != MemoryPlacement.Ram;
}
