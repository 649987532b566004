using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Rig.Flash.Gdb;

/// <summary>
/// The target's memory map as a GDB server describes it (<c>qXfer:memory-map:read</c>, gdb's memory-map DTD):
/// the flash regions and their erase block, which decide what <c>load</c> erases and programs with vFlash packets.
/// </summary>
public sealed record GdbMemoryMap(IReadOnlyList<FlashRegion> Flash)
{
    public FlashRegion? FlashAt(uint address, uint end) => Flash.FirstOrDefault(r => address >= r.Start && end <= r.Start + r.Length);

    public static GdbMemoryMap Parse(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var doc = XDocument.Load(reader);
        var flash = new List<FlashRegion>();
        foreach (var m in doc.Descendants("memory").Where(m => (string?)m.Attribute("type") == "flash"))
        {
            var block = m.Elements("property").FirstOrDefault(p => (string?)p.Attribute("name") == "blocksize")?.Value;
            flash.Add(new FlashRegion(Number(m.Attribute("start")?.Value, "start"), Number(m.Attribute("length")?.Value, "length"),
                                      block is null ? 0x400u : Number(block, "blocksize")));
        }
        return new GdbMemoryMap(flash);
    }

    private static uint Number(string? text, string what)
    {
        var t = text?.Trim() ?? throw new InvalidDataException($"gdb memory map: a flash region without its {what}");
        var ok = t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(t[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v)
            : uint.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v);
        return ok ? v : throw new InvalidDataException($"gdb memory map: {what} '{t}' is not a number");
    }
}

/// <summary>One flash region: erased and programmed in blocks of <see cref="BlockSize"/> bytes.</summary>
public sealed record FlashRegion(uint Start, uint Length, uint BlockSize)
{
    public uint BlockStart(uint address) => Start + (address - Start) / BlockSize * BlockSize;
    public uint BlockEnd(uint end) => Start + (end - Start + BlockSize - 1) / BlockSize * BlockSize;
}
