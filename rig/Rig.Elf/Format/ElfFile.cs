using System.Buffers.Binary;
using System.Text;

namespace Rig.Elf.Format;

/// <summary>
/// A 32-bit little-endian ELF file read from its header, section headers and symbol table
/// (System V gABI, "Object Files"; ARM ELF: IHI 0044). Every offset is bounds-checked: a damaged
/// file gives an <see cref="InvalidDataException"/> naming the file and what is wrong, never an
/// index exception. Files of another class, byte order or architecture are read far enough to
/// say what they are.
/// </summary>
public sealed class ElfFile
{
    private const int IdentSize = 16;
    private const int Elf32HeaderSize = 52;
    private const int Elf32SectionHeaderSize = 40;
    private const int Elf32SymbolSize = 16;
    private const int Elf32ProgramHeaderSize = 32;

    private readonly byte[] _data;

    private ElfFile(string path, byte[] data, ElfType type, ElfMachine machine, uint entry, IReadOnlyList<ElfSection> sections, IReadOnlyList<ElfSymbol>? symbols, IReadOnlyList<ElfSegment> segments)
    {
        Segments = segments;
        _data = data;
        Path = path;
        Type = type;
        Machine = machine;
        Entry = entry;
        Sections = sections;
        Symbols = symbols ?? [];
        HasSymbolTable = symbols is not null;
    }

    public string Path { get; }
    public ElfType Type { get; }
    public ElfMachine Machine { get; }
    public uint Entry { get; }
    public IReadOnlyList<ElfSection> Sections { get; }
    /// <summary>Program headers (empty for a relocatable object).</summary>
    public IReadOnlyList<ElfSegment> Segments { get; }
    /// <summary>.symtab entries without the null entry at index 0; empty when stripped.</summary>
    public IReadOnlyList<ElfSymbol> Symbols { get; }
    public bool HasSymbolTable { get; }

    public ElfSection? Section(string name) => Sections.FirstOrDefault(s => s.Name == name);

    /// <summary>The bytes of a section as stored in the file (empty for NOBITS sections).
    /// Parse checked that every stored section lies inside the file.</summary>
    public ReadOnlySpan<byte> Contents(ElfSection section) =>
        section.Type is ElfSectionType.NoBits or ElfSectionType.Null ? [] : _data.AsSpan((int)section.Offset, (int)section.Size);

    /// <summary>The bytes a segment stores in the file (its p_filesz bytes; Parse checked they lie inside the file).</summary>
    public ReadOnlySpan<byte> Contents(ElfSegment segment) => _data.AsSpan((int)segment.Offset, (int)segment.FileSize);

    /// <summary>A 32-bit little-endian value stored at a symbol, or null when the symbol does not
    /// lie within its section's stored bytes.</summary>
    public uint? ReadUInt32(ElfSymbol symbol)
    {
        if (!symbol.IsInSection || symbol.SectionIndex >= Sections.Count) return null;
        var section = Sections[symbol.SectionIndex];
        var bytes = Contents(section);
        var at = (long)symbol.Value - section.Address;
        if (at < 0 || at + 4 > bytes.Length) return null;
        return BinaryPrimitives.ReadUInt32LittleEndian(bytes[(int)at..]);
    }

    public static ElfFile Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        return Parse(path, File.ReadAllBytes(path));
    }

    public static ElfFile Parse(string path, byte[] data)
    {
        if (data.Length < 4 || data[0] != 0x7F || data[1] != (byte)'E' || data[2] != (byte)'L' || data[3] != (byte)'F')
        {
            var head = string.Join(' ', data.Take(4).Select(b => b.ToString("X2")));
            throw new InvalidDataException($"{path}: not an ELF file (it starts with {(head.Length == 0 ? "nothing: the file is empty" : head)}, an ELF file starts with 7F 45 4C 46)");
        }
        if (data.Length < IdentSize + 4) throw Bad(path, $"truncated ELF header ({data.Length} bytes)");

        var elfClass = data[4];
        var encoding = data[5];
        var littleEndian = encoding == 1;
        if (encoding is not (1 or 2)) throw Bad(path, $"unknown ELF data encoding {encoding} (e_ident[EI_DATA]; 1 = little-endian, 2 = big-endian)");
        // e_machine sits at offset 18 in both ELF classes, so even a 64-bit file can be named.
        var machine = (ElfMachine)(littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(18)) : BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(18)));
        if (elfClass == 2)
            throw Bad(path, $"a 64-bit ELF for {MachineName(machine)}; firmware images are 32-bit ELF for ARM (e_machine {(ushort)ElfMachine.Arm})");
        if (elfClass != 1) throw Bad(path, $"unknown ELF class {elfClass} (e_ident[EI_CLASS]; 1 = 32-bit, 2 = 64-bit)");
        if (!littleEndian) throw Bad(path, $"a big-endian 32-bit ELF for {MachineName(machine)}; Cortex-M firmware images are little-endian ARM");
        if (data.Length < Elf32HeaderSize) throw Bad(path, $"truncated ELF header: {data.Length} bytes, the 32-bit header needs {Elf32HeaderSize}");

        var r = new Reader(path, data);
        var type = (ElfType)r.U16(16);
        var entry = r.U32(24);
        var shoff = r.U32(32);
        var shentsize = r.U16(46);
        var shnum = r.U16(48);
        var shstrndx = r.U16(50);

        var sections = ReadSections(r, shoff, shentsize, shnum, shstrndx);
        var segments = ReadSegments(r, r.U32(28), r.U16(42), r.U16(44));
        var symtab = sections.FirstOrDefault(s => s.Type == ElfSectionType.SymTab);
        var symbols = symtab is null ? null : ReadSymbols(r, symtab, sections);
        return new ElfFile(path, data, type, machine, entry, sections, symbols, segments);
    }

    public static string MachineName(ElfMachine machine) => machine switch
    {
        ElfMachine.Arm => "ARM",
        ElfMachine.X86_64 => "x86-64",
        ElfMachine.I386 => "x86 (i386)",
        ElfMachine.AArch64 => "AArch64",
        ElfMachine.RiscV => "RISC-V",
        ElfMachine.Xtensa => "Xtensa",
        ElfMachine.Mips => "MIPS",
        ElfMachine.PowerPc => "PowerPC",
        _ => $"machine {(ushort)machine}",
    } + (Enum.IsDefined(machine) ? $" (e_machine {(ushort)machine})" : "");

    private static List<ElfSection> ReadSections(Reader r, uint shoff, ushort shentsize, ushort shnum, ushort shstrndx)
    {
        if (shoff == 0 || shnum == 0) throw Bad(r.Path, "has no section headers (e_shoff/e_shnum are 0), so there is nothing to measure");
        if (shentsize != Elf32SectionHeaderSize) throw Bad(r.Path, $"section header size e_shentsize is {shentsize}, expected {Elf32SectionHeaderSize}");
        r.RequireRange(shoff, (long)shnum * shentsize, "section header table");
        if (shstrndx >= shnum) throw Bad(r.Path, $"section name table index e_shstrndx {shstrndx} is not below e_shnum {shnum}");

        var raw = new (uint Name, uint Type, uint Flags, uint Addr, uint Offset, uint Size, uint Link, uint Info, uint EntSize)[shnum];
        for (var i = 0; i < shnum; i++)
        {
            var o = shoff + (uint)(i * shentsize);
            raw[i] = (r.U32(o), r.U32(o + 4), r.U32(o + 8), r.U32(o + 12), r.U32(o + 16), r.U32(o + 20), r.U32(o + 24), r.U32(o + 28), r.U32(o + 36));
        }
        var names = raw[shstrndx];
        if (names.Type != (uint)ElfSectionType.StrTab) throw Bad(r.Path, $"section {shstrndx} named by e_shstrndx is not a string table (sh_type {names.Type})");
        r.RequireRange(names.Offset, names.Size, "section name string table");

        var sections = new List<ElfSection>(shnum);
        for (var i = 0; i < shnum; i++)
        {
            var s = raw[i];
            if (s.Type != (uint)ElfSectionType.NoBits && s.Type != (uint)ElfSectionType.Null)
                r.RequireRange(s.Offset, s.Size, $"section {i}");
            sections.Add(new ElfSection(i, r.String(names.Offset, names.Size, s.Name, $"name of section {i}"),
                (ElfSectionType)s.Type, (ElfSectionFlags)s.Flags, s.Addr, s.Offset, s.Size, s.Link, s.Info, s.EntSize));
        }
        return sections;
    }

    private static List<ElfSegment> ReadSegments(Reader r, uint phoff, ushort phentsize, ushort phnum)
    {
        if (phoff == 0 || phnum == 0) return [];
        if (phentsize != Elf32ProgramHeaderSize) throw Bad(r.Path, $"program header size e_phentsize is {phentsize}, expected {Elf32ProgramHeaderSize}");
        r.RequireRange(phoff, (long)phnum * phentsize, "program header table");
        var segments = new List<ElfSegment>(phnum);
        for (var i = 0; i < phnum; i++)
        {
            var o = phoff + (uint)(i * phentsize);
            var segment = new ElfSegment(i, (ElfSegmentType)r.U32(o), r.U32(o + 4), r.U32(o + 8), r.U32(o + 12), r.U32(o + 16), r.U32(o + 20), r.U32(o + 24));
            if (segment.FileSize > 0) r.RequireRange(segment.Offset, segment.FileSize, $"segment {i}");
            if (segment.IsLoad && segment.FileSize > segment.MemorySize)
                throw Bad(r.Path, $"segment {i}: p_filesz {segment.FileSize} is larger than p_memsz {segment.MemorySize}");
            segments.Add(segment);
        }
        return segments;
    }

    private static List<ElfSymbol> ReadSymbols(Reader r, ElfSection symtab, IReadOnlyList<ElfSection> sections)
    {
        if (symtab.EntrySize != Elf32SymbolSize) throw Bad(r.Path, $"symbol table entry size sh_entsize is {symtab.EntrySize}, expected {Elf32SymbolSize}");
        if (symtab.Link >= sections.Count || sections[(int)symtab.Link].Type != ElfSectionType.StrTab)
            throw Bad(r.Path, $"symbol table's string table (sh_link {symtab.Link}) is not a string table section");
        var strings = sections[(int)symtab.Link];
        var count = symtab.Size / Elf32SymbolSize;
        var symbols = new List<ElfSymbol>((int)count);
        string? file = null;
        for (uint i = 1; i < count; i++)
        {
            var o = symtab.Offset + i * Elf32SymbolSize;
            var name = r.String(strings.Offset, strings.Size, r.U32(o), $"name of symbol {i}");
            var info = r.U8(o + 12);
            var type = (ElfSymbolType)(info & 0xF);
            if (type == ElfSymbolType.File) file = name;
            symbols.Add(new ElfSymbol(name, r.U32(o + 4), r.U32(o + 8), type, (ElfSymbolBinding)(info >> 4), r.U16(o + 14), file));
        }
        return symbols;
    }

    private static InvalidDataException Bad(string path, string reason) => new($"{path}: {reason}");

    /// <summary>Bounds-checked little-endian reads over the whole file.</summary>
    private readonly struct Reader(string path, byte[] data)
    {
        public string Path => path;

        public void RequireRange(uint offset, long length, string what)
        {
            if (offset > data.Length || length > data.Length - offset)
                throw Bad(path, $"truncated or damaged: {what} at offset {offset} ({length} bytes) runs past the end of the file ({data.Length} bytes)");
        }

        public byte U8(uint o) { RequireRange(o, 1, "field"); return data[o]; }
        public ushort U16(uint o) { RequireRange(o, 2, "field"); return BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan((int)o)); }
        public uint U32(uint o) { RequireRange(o, 4, "field"); return BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan((int)o)); }

        public string String(uint tableOffset, uint tableSize, uint index, string what)
        {
            if (index >= tableSize) throw Bad(path, $"{what}: string offset {index} is outside its string table ({tableSize} bytes)");
            var span = data.AsSpan((int)(tableOffset + index), (int)(tableSize - index));
            var end = span.IndexOf((byte)0);
            if (end < 0) throw Bad(path, $"{what}: string at offset {index} is not NUL-terminated");
            return Encoding.UTF8.GetString(span[..end]);
        }
    }
}
