using System.Globalization;

namespace Rig.Elf.Tests;

/// <summary>What binutils says about an image, parsed from arm-none-eabi-size and -nm output at
/// test time: the reference the C# parser is checked against.</summary>
internal static class SizeTools
{
    public sealed record SysVSection(string Name, long Size, long Address);

    /// <summary>arm-none-eabi-size -A -d: one line per section.</summary>
    public static List<SysVSection> Sections(string elf)
    {
        var list = new List<SysVSection>();
        foreach (var line in Tool.Ok("arm-none-eabi-size", "-A", "-d", elf).Split('\n'))
        {
            var t = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (t.Length == 3 && t[0] != "Total" && long.TryParse(t[1], out var size) && long.TryParse(t[2], out var addr))
                list.Add(new SysVSection(t[0], size, addr));
        }
        return list;
    }

    /// <summary>arm-none-eabi-size -B -d: text, data, bss totals.</summary>
    public static (long Text, long Data, long Bss) Berkeley(string elf)
    {
        var lines = Tool.Ok("arm-none-eabi-size", "-B", "-d", elf).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var t = lines[1].Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(t[0], CultureInfo.InvariantCulture), long.Parse(t[1], CultureInfo.InvariantCulture), long.Parse(t[2], CultureInfo.InvariantCulture));
    }

    public sealed record NmSymbol(string Name, uint Value, uint Size, char Kind);

    /// <summary>arm-none-eabi-nm -S --defined-only: symbols that have a size.</summary>
    public static List<NmSymbol> SizedSymbols(string elf)
    {
        var list = new List<NmSymbol>();
        foreach (var line in Tool.Ok("arm-none-eabi-nm", "-S", "--defined-only", elf).Split('\n'))
        {
            var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (t.Length != 4) continue;
            list.Add(new NmSymbol(t[3], uint.Parse(t[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                uint.Parse(t[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), t[2][0]));
        }
        return list;
    }
}
