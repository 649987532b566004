using System.Globalization;
using System.Text.RegularExpressions;

namespace Rig.Elf.Tests;

/// <summary>The MEMORY regions of a board's linker script (firmware/boards/&lt;board&gt;/*.ld).</summary>
internal static partial class LinkerScriptMemory
{
    public sealed record Region(string Name, bool Writable, uint Origin, uint Length)
    {
        public uint End => Origin + Length;
    }

    public static IReadOnlyList<Region> ReadBoard(string board) =>
        Read(Assert.Single(Directory.GetFiles(FirmwareTree.Board(board), "*.ld")));

    public static IReadOnlyList<Region> Read(string script)
    {
        var text = File.ReadAllText(script);
        var block = MemoryBlock().Match(text);
        Assert.True(block.Success, $"{script}: no MEMORY block");
        return RegionLine().Matches(block.Groups[1].Value)
            .Select(m => new Region(m.Groups["name"].Value, m.Groups["attr"].Value.Contains('w', StringComparison.OrdinalIgnoreCase),
                uint.Parse(m.Groups["origin"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture), Length(m.Groups["length"].Value)))
            .ToList();
    }

    /// <summary>A LENGTH expression: sizes with K/M suffixes added and subtracted ("2048K - 256").</summary>
    private static uint Length(string expression)
    {
        long total = 0;
        foreach (Match t in Term().Matches(expression))
        {
            var n = long.Parse(t.Groups["n"].Value, CultureInfo.InvariantCulture) * t.Groups["unit"].Value switch { "K" => 1024, "M" => 1024 * 1024, _ => 1 };
            total += t.Groups["sign"].Value == "-" ? -n : n;
        }
        return checked((uint)total);
    }

    [GeneratedRegex(@"MEMORY\s*\{(.*?)\}", RegexOptions.Singleline)]
    private static partial Regex MemoryBlock();

    [GeneratedRegex(@"(?<name>\w+)\s*\((?<attr>[rwxRWX!]+)\)\s*:\s*ORIGIN\s*=\s*0x(?<origin>[0-9A-Fa-f]+)\s*,\s*LENGTH\s*=\s*(?<length>[^\n]+)")]
    private static partial Regex RegionLine();

    [GeneratedRegex(@"(?<sign>[+-]?)\s*(?<n>\d+)\s*(?<unit>[KM]?)")]
    private static partial Regex Term();
}
