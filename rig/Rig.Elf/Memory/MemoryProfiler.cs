using Rig.Core.Profiles;
using Rig.Elf.Format;
using Rig.Elf.Stack;

namespace Rig.Elf.Memory;

/// <summary>
/// Builds a <see cref="MemoryReport"/> from a firmware ELF: sizes come from the section headers,
/// attribution from the symbol table. Only 32-bit ARM images with a symbol table are accepted;
/// anything else is refused with a sentence saying what the file is.
/// </summary>
public static class MemoryProfiler
{
    /// <summary>Section names that hold the stack reserve (cortexm_sections.ld uses .stack).</summary>
    private static readonly HashSet<string> s_stackSections = [".stack", ".stack_dummy", "._user_heap_stack"];

    public static MemoryReport Profile(ElfFile elf, BoardProfile profile, int topSymbolsPerModule = 8, CallGraph? callGraph = null) =>
        Profile(elf, profile.Name, profile.Board.FlashBytes, profile.Board.RamBytes, profile.Memory, topSymbolsPerModule, callGraph);

    public static MemoryReport Profile(ElfFile elf, string profileName, int chipFlashBytes, int chipRamBytes, MemorySection memory, int topSymbolsPerModule = 8, CallGraph? callGraph = null)
    {
        RequireFirmwareImage(elf);
        RequirePlausibleSizes(elf);

        var sections = elf.Sections.Where(s => s.IsAlloc && s.Size > 0)
            .Select(s => new SectionUsage(s.Name, s.Address, checked((int)s.Size), RegionOf(s)))
            .ToList();
        var flash = sections.Where(s => s.Region is MemoryRegion.Flash or MemoryRegion.FlashAndRam).Sum(s => s.Bytes);
        var staticRam = sections.Where(s => s.Region is MemoryRegion.Ram or MemoryRegion.FlashAndRam).Sum(s => s.Bytes);
        var stackSection = sections.Where(s => s.Region == MemoryRegion.Stack).Sum(s => s.Bytes);
        var stackReserve = stackSection > 0 ? stackSection : memory.StackReserveBytes;

        var symbols = elf.Symbols
            .Where(s => s.Size > 0 && s.IsInSection && s.SectionIndex < elf.Sections.Count && s.Type is ElfSymbolType.Func or ElfSymbolType.Object or ElfSymbolType.NoType)
            .Select(s => (Symbol: s, Section: elf.Sections[s.SectionIndex]))
            .Where(x => x.Section.IsAlloc)
            .Select(x => new SymbolUsage(x.Symbol.Name, checked((int)x.Symbol.Size), x.Section.Name, RegionOf(x.Section), ModuleClassifier.Classify(x.Symbol), x.Symbol.IsLocal ? x.Symbol.File : null))
            .ToList();

        var modules = FirmwareModule.All
            .Select(m =>
            {
                var own = symbols.Where(s => s.Module == m).ToList();
                return new ModuleUsage(m,
                    own.Where(s => s.Region is MemoryRegion.Flash or MemoryRegion.FlashAndRam).Sum(s => s.Bytes),
                    own.Where(s => s.Region is MemoryRegion.Ram or MemoryRegion.FlashAndRam).Sum(s => s.Bytes),
                    own.OrderByDescending(s => s.Bytes).ThenBy(s => s.Name, StringComparer.Ordinal).Take(topSymbolsPerModule).ToList());
            })
            .Where(m => m.FlashBytes > 0 || m.RamBytes > 0)
            .ToList();
        var states = StateSizes(elf);
        var (frontendRam, frontendNote) = FrontendRam(symbols, states);
        if (frontendNote is not null)
        {
            // The frontend state lives inside the app's struct: move its bytes over.
            var embedded = states[FrontendStateType];
            modules = modules.Select(m => m.Name switch
            {
                FirmwareModule.App => m with { RamBytes = m.RamBytes - embedded },
                FirmwareModule.Frontend => m with { RamBytes = m.RamBytes + embedded },
                _ => m,
            }).ToList();
            if (!modules.Any(m => m.Name == FirmwareModule.Frontend))
                modules.Insert(0, new ModuleUsage(FirmwareModule.Frontend, 0, embedded, []));
        }

        var budget = new MemoryBudget(
            memory.FlashBudgetBytes > 0 ? memory.FlashBudgetBytes : chipFlashBytes > 0 ? chipFlashBytes : null,
            memory.RamBudgetBytes > 0 ? memory.RamBudgetBytes : chipRamBytes > 0 ? chipRamBytes : null,
            memory.FrontendRamBudgetBytes > 0 ? memory.FrontendRamBudgetBytes : null,
            memory.StackReserveBytes);
        var ram = staticRam + stackReserve;
        var checks = new List<BudgetCheck>();
        if (budget.FlashBytes is { } fb) checks.Add(new BudgetCheck("flash", flash, fb, flash <= fb));
        if (budget.RamBytes is { } rb) checks.Add(new BudgetCheck("ram", ram, rb, ram <= rb));
        if (budget.FrontendRamBytes is { } frb) checks.Add(new BudgetCheck("frontend ram", frontendRam, frb, frontendRam <= frb));
        // The reserve in the image must be at least what the profile asks for (the build takes it
        // from the profile, so a difference means a stale image or a hand-made linker script).
        checks.Add(new BudgetCheck("stack reserve", stackReserve, memory.StackReserveBytes, stackReserve >= memory.StackReserveBytes));

        StackEstimate? stack = null;
        if (callGraph is not null && callGraph.Frames.ContainsKey("Reset_Handler"))
        {
            var inImage = elf.Symbols.Where(s => s.Type == ElfSymbolType.Func && s.IsInSection).Select(s => s.Name);
            stack = StackDepth.Estimate(callGraph, indirectTargets: StackDepth.AddressOnlyFunctions(callGraph, inImage));
            checks.Add(new BudgetCheck("stack worst case", stack.WorstCaseBytes, stackReserve, stack.WorstCaseBytes <= stackReserve));
        }

        return new MemoryReport(profileName, elf.Path, flash, ram, staticRam, frontendRam, stackReserve, budget, checks, sections, modules, stack, states, frontendNote);
    }

    public const string FrontendStateType = "rig_frontend_t";
    private const string StateSizePrefix = "rig_meta_sizeof_";

    /// <summary>sizeof() of caller-owned core structs, recorded by the image in .rig_meta
    /// (firmware/boards/cortexm/rig_meta.h).</summary>
    public static IReadOnlyDictionary<string, int> StateSizes(ElfFile elf)
    {
        var sizes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in elf.Symbols.Where(s => s.Name.StartsWith(StateSizePrefix, StringComparison.Ordinal)))
        {
            if (elf.ReadUInt32(s) is { } v && v <= int.MaxValue) sizes[s.Name[StateSizePrefix.Length..]] = (int)v;
            else throw new InvalidDataException($"{elf.Path}: {s.Name}: the recorded size cannot be read from section {s.SectionIndex}");
        }
        return sizes;
    }

    /// <summary>
    /// Frontend RAM: the RAM objects of the frontend module (frontend.c's statics and any object
    /// named after the frontend, such as the app's rig_frontend_t instance). When the state is a
    /// member of a bigger struct instead (rig_app_t), no symbol shows it: if the image records
    /// sizeof(rig_frontend_t) and the app module holds that much RAM, the state is counted there.
    /// </summary>
    private static (int Bytes, string? Note) FrontendRam(IReadOnlyList<SymbolUsage> symbols, IReadOnlyDictionary<string, int> states)
    {
        var frontend = symbols.Where(s => s.Module == FirmwareModule.Frontend && s.Region is MemoryRegion.Ram or MemoryRegion.FlashAndRam).ToList();
        var bytes = frontend.Sum(s => s.Bytes);
        if (!states.TryGetValue(FrontendStateType, out var state) || frontend.Any(s => s.Bytes >= state)) return (bytes, null);
        var app = symbols.Where(s => s.Module == FirmwareModule.App && s.Region is MemoryRegion.Ram or MemoryRegion.FlashAndRam).ToList();
        var holder = app.Where(s => s.Bytes >= state).OrderBy(s => s.Bytes).FirstOrDefault();
        if (holder is null) return (bytes, null);
        return (bytes + state, $"includes the {FrontendStateType} state ({state} B, sizeof recorded in .rig_meta) held inside {holder.Name}");
    }

    /// <summary>Refuses what is not a 32-bit ARM firmware image with symbols, saying why.</summary>
    public static void RequireFirmwareImage(ElfFile elf)
    {
        if (elf.Machine != ElfMachine.Arm)
            throw new InvalidDataException($"{elf.Path}: an ELF for {ElfFile.MachineName(elf.Machine)}, not for ARM (e_machine {(ushort)ElfMachine.Arm}); rig mem reads the board firmware image (firmware/build/<board>/firmware.elf)");
        if (elf.Type is not ElfType.Executable)
            throw new InvalidDataException($"{elf.Path}: an ARM ELF of type {elf.Type}, not a linked executable; rig mem needs the linked firmware.elf (addresses are only final after linking)");
        if (!elf.HasSymbolTable)
            throw new InvalidDataException($"{elf.Path}: has no symbol table (.symtab) - the file was stripped; sizes per module need the symbols, so pass the unstripped firmware.elf");
    }

    /// <summary>Sizes a 32-bit image can really have: allocated sections that fit the address
    /// space together, symbols no larger than their section. Catches damaged headers before any
    /// arithmetic on them.</summary>
    private static void RequirePlausibleSizes(ElfFile elf)
    {
        long total = 0;
        foreach (var s in elf.Sections.Where(s => s.IsAlloc))
        {
            total += s.Size;
            if (total > int.MaxValue)
                throw new InvalidDataException($"{elf.Path}: damaged section headers: allocated sections add up to more than 2 GB (section {s.Index} '{s.Name}' is {s.Size} bytes)");
        }
        foreach (var sym in elf.Symbols.Where(s => s.Size > 0 && s.IsInSection))
        {
            if (sym.SectionIndex >= elf.Sections.Count)
                throw new InvalidDataException($"{elf.Path}: damaged symbol table: symbol '{sym.Name}' names section {sym.SectionIndex}, the file has {elf.Sections.Count}");
            var section = elf.Sections[sym.SectionIndex];
            if (section.IsAlloc && sym.Size > section.Size)
                throw new InvalidDataException($"{elf.Path}: damaged symbol table: symbol '{sym.Name}' is {sym.Size} bytes, more than its section '{section.Name}' ({section.Size} bytes)");
        }
    }

    /// <summary>The sections that take RAM at run time (.data, .bss and the like, not the stack reserve): what `rig mem` counts as static RAM.</summary>
    public static IReadOnlyList<ElfSection> StaticRamSections(ElfFile elf) =>
        [.. elf.Sections.Where(s => s.IsAlloc && s.Size > 0 && RegionOf(s) is MemoryRegion.Ram or MemoryRegion.FlashAndRam)];

    private static MemoryRegion RegionOf(ElfSection s) =>
        s_stackSections.Contains(s.Name) ? MemoryRegion.Stack
        : s.IsNoBits ? MemoryRegion.Ram
        : s.IsWritable ? MemoryRegion.FlashAndRam
        : MemoryRegion.Flash;
}
