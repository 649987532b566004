namespace Rig.Elf.Format;

/// <summary>e_machine values (System V gABI, "ELF Header"; the registry kept by the gABI maintainers).</summary>
public enum ElfMachine : ushort
{
    None = 0,
    I386 = 3,
    Mips = 8,
    PowerPc = 20,
    Arm = 40,
    X86_64 = 62,
    Xtensa = 94,
    AArch64 = 183,
    RiscV = 243,
}

/// <summary>e_type values (gABI "ELF Header").</summary>
public enum ElfType : ushort
{
    None = 0,
    Relocatable = 1,
    Executable = 2,
    SharedObject = 3,
    Core = 4,
}

/// <summary>sh_type values (gABI "Sections").</summary>
public enum ElfSectionType : uint
{
    Null = 0,
    ProgBits = 1,
    SymTab = 2,
    StrTab = 3,
    Rela = 4,
    Hash = 5,
    Dynamic = 6,
    Note = 7,
    NoBits = 8,
    Rel = 9,
    DynSym = 11,
    InitArray = 14,
    FiniArray = 15,
    ArmExidx = 0x70000001,
    ArmAttributes = 0x70000003,
}

/// <summary>sh_flags bits (gABI "Sections").</summary>
[Flags]
public enum ElfSectionFlags : uint
{
    None = 0,
    Write = 0x1,
    Alloc = 0x2,
    ExecInstr = 0x4,
}

/// <summary>Low nibble of st_info (gABI "Symbol Table").</summary>
public enum ElfSymbolType : byte
{
    NoType = 0,
    Object = 1,
    Func = 2,
    Section = 3,
    File = 4,
    Common = 5,
    Tls = 6,
}

/// <summary>High nibble of st_info (gABI "Symbol Table").</summary>
public enum ElfSymbolBinding : byte
{
    Local = 0,
    Global = 1,
    Weak = 2,
}
