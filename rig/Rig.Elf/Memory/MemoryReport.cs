using Rig.Elf.Stack;

namespace Rig.Elf.Memory;

/// <summary>Where a section's bytes live: flash only (code, constants), flash and RAM (.data:
/// stored in flash, copied to RAM at boot), RAM only (.bss), or the stack reserve.</summary>
public enum MemoryRegion
{
    Flash,
    FlashAndRam,
    Ram,
    Stack,
}

public sealed record SectionUsage(string Name, uint Address, int Bytes, MemoryRegion Region);

public sealed record SymbolUsage(string Name, int Bytes, string Section, MemoryRegion Region, string Module, string? File);

public sealed record ModuleUsage(string Name, int FlashBytes, int RamBytes, IReadOnlyList<SymbolUsage> Symbols);

/// <summary>The profile's memory budget as applied (null: the profile sets no such limit).</summary>
public sealed record MemoryBudget(int? FlashBytes, int? RamBytes, int? FrontendRamBytes, int StackReserveBytes);

/// <summary>One figure held against its limit.</summary>
public sealed record BudgetCheck(string Name, int Used, int Limit, bool Ok);

/// <summary>
/// The memory profile of one firmware image against one board profile. RAM is static RAM
/// (.data + .bss) plus the stack reserve; flash is code + constants + .data's initial values.
/// With the compiler's call-graph files, the worst-case stack is checked against the reserve.
/// StateSizes are sizeof() of the core's caller-owned structs recorded by the image (.rig_meta);
/// FrontendNote says how the frontend RAM figure was made up when it is not plain symbols.
/// </summary>
public sealed record MemoryReport(
    string Profile,
    string ElfPath,
    int FlashBytes,
    int RamBytes,
    int StaticRamBytes,
    int FrontendRamBytes,
    int StackReserveBytes,
    MemoryBudget Budget,
    IReadOnlyList<BudgetCheck> Checks,
    IReadOnlyList<SectionUsage> Sections,
    IReadOnlyList<ModuleUsage> Modules,
    StackEstimate? StackAnalysis = null,
    IReadOnlyDictionary<string, int>? StateSizes = null,
    string? FrontendNote = null)
{
    /// <summary>Worst-case stack by static call-graph analysis (null when the build left no .ci
    /// files); the board measures the real high-water mark by stack painting at run time.</summary>
    public int? StackWorstCaseBytes => StackAnalysis?.WorstCaseBytes;

    public bool WithinBudget => Checks.All(c => c.Ok);
}
