namespace Rig.Elf.Format;

/// <summary>
/// One symbol table entry (Elf32_Sym). <see cref="File"/> is the name of the last STT_FILE symbol
/// before it, which tells the source file of local symbols (the linker keeps each object's
/// locals right after that object's FILE symbol); for globals it is whatever came last and
/// should not be trusted - see <see cref="IsLocal"/>.
/// </summary>
public sealed record ElfSymbol(
    string Name,
    uint Value,
    uint Size,
    ElfSymbolType Type,
    ElfSymbolBinding Binding,
    ushort SectionIndex,
    string? File)
{
    public bool IsLocal => Binding == ElfSymbolBinding.Local;

    /// <summary>Where the symbol starts in memory. ARM ELF (IHI 0044, "Symbol Values") sets bit 0
    /// of a Thumb function's st_value to mark its instruction set; the code starts one byte lower.</summary>
    public uint Address(ElfMachine machine) => machine == ElfMachine.Arm && Type == ElfSymbolType.Func ? Value & ~1u : Value;

    /// <summary>SHN_UNDEF (0) and the reserved range 0xff00..0xffff (ABS, COMMON, ...).</summary>
    public bool IsInSection => SectionIndex != 0 && SectionIndex < 0xff00;
}
