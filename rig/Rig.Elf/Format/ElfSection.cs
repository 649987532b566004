namespace Rig.Elf.Format;

/// <summary>One section header (Elf32_Shdr) with its name resolved.</summary>
public sealed record ElfSection(
    int Index,
    string Name,
    ElfSectionType Type,
    ElfSectionFlags Flags,
    uint Address,
    uint Offset,
    uint Size,
    uint Link,
    uint Info,
    uint EntrySize)
{
    public bool IsAlloc => (Flags & ElfSectionFlags.Alloc) != 0;
    public bool IsWritable => (Flags & ElfSectionFlags.Write) != 0;
    /// <summary>Occupies no bytes in the file (.bss, .stack).</summary>
    public bool IsNoBits => Type == ElfSectionType.NoBits;
}
