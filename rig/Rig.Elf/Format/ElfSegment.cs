namespace Rig.Elf.Format;

/// <summary>p_type values (gABI "Program Header").</summary>
public enum ElfSegmentType : uint
{
    Null = 0,
    Load = 1,
    Dynamic = 2,
    Interp = 3,
    Note = 4,
    Phdr = 6,
    ArmExidx = 0x70000001,
}

/// <summary>
/// One program header (Elf32_Phdr). <see cref="PhysicalAddress"/> is where a loader (or a flash
/// programmer) puts the file bytes (the LMA); <see cref="VirtualAddress"/> where the code expects
/// them at run time (the VMA: for .data in RAM, copied there by the image's start-up code).
/// </summary>
public sealed record ElfSegment(
    int Index,
    ElfSegmentType Type,
    uint Offset,
    uint VirtualAddress,
    uint PhysicalAddress,
    uint FileSize,
    uint MemorySize,
    uint Flags)
{
    public bool IsLoad => Type == ElfSegmentType.Load;
}
