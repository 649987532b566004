using Rig.Elf.Format;

namespace Rig.Emulation.Loading;

/// <summary>Address to ELF function name, for stop messages, traces and (issue 17) profiles.</summary>
public sealed class SymbolMap
{
    readonly uint[] starts;
    readonly uint[] ends;
    readonly string[] names;

    public SymbolMap(IEnumerable<(string Name, uint Start, uint Size)> functions)
    {
        var sorted = functions.Where(f => f.Name.Length > 0).OrderBy(f => f.Start).ThenByDescending(f => f.Size).ToArray();
        starts = sorted.Select(f => f.Start).ToArray();
        // A symbol without a size (an assembler label) reaches to the next symbol (the last one: to the end of memory).
        ends = sorted.Select((f, i) => f.Size > 0 ? f.Start + f.Size : i + 1 < sorted.Length && sorted[i + 1].Start > f.Start ? sorted[i + 1].Start : uint.MaxValue).ToArray();
        names = sorted.Select(f => f.Name).ToArray();
    }

    /// <summary>The functions and objects of an ELF's symbol table (Thumb bit cleared).</summary>
    public static SymbolMap FromElf(ElfFile elf) =>
        new(elf.Symbols
            .Where(s => s.IsInSection && s.Type is ElfSymbolType.Func or ElfSymbolType.Object)
            .Select(s => (s.Name, s.Address(elf.Machine), s.Size)));

    /// <summary>The function holding <paramref name="address"/>, or null.</summary>
    public (string Name, uint Start)? Find(uint address)
    {
        var i = Array.BinarySearch(starts, address);
        if (i < 0) i = ~i - 1;
        // Several symbols may start at or below the address: the nearest one that contains it.
        for (var j = i; j >= 0 && j > i - 4; j--)
            if (address >= starts[j] && address < ends[j]) return (names[j], starts[j]);
        return null;
    }

    /// <summary>"name+0x12" or "" when the address is in no function.</summary>
    public string Describe(uint address) =>
        Find(address) is { } f ? (address == f.Start ? f.Name : $"{f.Name}+0x{address - f.Start:X}") : "";

    /// <summary>The address of a symbol by name (tests, the oracle's programs).</summary>
    public uint? AddressOf(string name)
    {
        var i = Array.IndexOf(names, name);
        return i < 0 ? null : starts[i];
    }
}
