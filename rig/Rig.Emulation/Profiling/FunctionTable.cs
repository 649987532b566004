using Rig.Elf.Format;

namespace Rig.Emulation.Profiling;

/// <summary>
/// The functions a profile can charge cycles to: the ELF's FUNC symbols by address (a symbol
/// without a size reaches to the next one, like an assembler label), plus two pseudo entries:
/// code in no function and the cycles the core spent asleep in WFI/WFE.
/// </summary>
public sealed class FunctionTable
{
    public const string NoSymbol = "[no symbol]";
    public const string Sleep = "[sleep]";

    readonly uint[] starts;
    readonly uint[] ends;
    readonly string[] names;

    public FunctionTable(IEnumerable<(string Name, uint Start, uint Size)> functions)
    {
        // Aliases (one address, several names: weak handlers) keep the first name in order of the ELF.
        var sorted = functions.Where(f => f.Name.Length > 0 && !f.Name.StartsWith('$'))
            .GroupBy(f => f.Start).Select(g => g.OrderByDescending(f => f.Size).First())
            .OrderBy(f => f.Start).ToArray();
        starts = [.. sorted.Select(f => f.Start)];
        ends = [.. sorted.Select((f, i) => f.Size > 0 ? f.Start + f.Size : i + 1 < sorted.Length ? sorted[i + 1].Start : uint.MaxValue)];
        names = [.. sorted.Select(f => f.Name), NoSymbol, Sleep];
        NoSymbolId = sorted.Length;
        SleepId = sorted.Length + 1;
    }

    /// <summary>The FUNC symbols of an ELF (Thumb bit cleared).</summary>
    public static FunctionTable FromElf(ElfFile elf) =>
        new(elf.Symbols
            .Where(s => s.IsInSection && s.Type == ElfSymbolType.Func)
            .Select(s => (s.Name, s.Address(elf.Machine), s.Size)));

    /// <summary>Functions plus the two pseudo entries.</summary>
    public int Count => names.Length;

    public int NoSymbolId { get; }
    public int SleepId { get; }

    public string Name(int id) => names[id];

    /// <summary>The first address of a function (0 for the pseudo entries).</summary>
    public uint Start(int id) => id < starts.Length ? starts[id] : 0;

    /// <summary>One past the last address of a function (0 for the pseudo entries: nothing is inside them).</summary>
    public uint End(int id) => id < ends.Length ? ends[id] : 0;

    /// <summary>The function holding <paramref name="address"/>, or <see cref="NoSymbolId"/>.</summary>
    public int Find(uint address)
    {
        var i = Array.BinarySearch(starts, address);
        if (i < 0) i = ~i - 1;
        return i >= 0 && address < ends[i] ? i : NoSymbolId;
    }

    /// <summary>The id of a function by name, or -1.</summary>
    public int IdOf(string name) => Array.IndexOf(names, name);
}
