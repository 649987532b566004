using System.Globalization;
using System.Text;
using Rig.Core.Profiles;
using Rig.Emulation.Memory;

namespace Rig.Emulation.Gdb;

/// <summary>
/// The memory map gdb reads (<c>qXfer:memory-map:read</c>): the profile's flash regions (and their aliases) as
/// <c>flash</c> with the chip's erase block, so <c>load</c> programs them with vFlashErase/vFlashWrite/vFlashDone
/// and breakpoints there are hardware ones; SRAM, peripheral windows and the core's System Control Space as
/// <c>ram</c>, so gdb may read registers there (gdb refuses addresses outside the map).
/// </summary>
public static class GdbMemoryMapXml
{
    /// <summary>
    /// Erase granularity of each chip's flash: PY32F003 RM "Flash page" 128 B; STM32L476 RM0351 3.3.1 page 2 KB;
    /// nRF52840 PS 4.3 (NVMC) page 4 KB; RP2040's W25Q16JV sector 4 KB. Others: 4 KB (an assumption).
    /// </summary>
    public static int EraseBlock(BoardProfile profile) => profile.Name switch
    {
        "py32f003" => 128,
        "stm32l4" => 2048,
        _ => 4096,
    };

    public static string Build(BoardProfile profile, MemoryMap memory)
    {
        var section = profile.Emulation ?? throw new InvalidDataException($"profile {profile.Name} has no emulation: section");
        var kinds = section.Regions.ToDictionary(r => r.Name, r => r.Kind);
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE memory-map PUBLIC \"+//IDN gnu.org//DTD GDB Memory Map V1.0//EN\" \"http://sourceware.org/gdb/gdb-memory-map.dtd\">\n<memory-map>\n");
        var listed = new List<(uint Start, uint End)>();
        foreach (var r in section.Regions.OrderBy(r => r.Start))
        {
            var kind = r.Kind == "alias" ? kinds.GetValueOrDefault(r.Of ?? "", "sram") : r.Kind;
            if (kind == "flash")
                xml.Append(CultureInfo.InvariantCulture, $"  <memory type=\"flash\" start=\"0x{r.Start:x}\" length=\"0x{r.Size:x}\">\n    <property name=\"blocksize\">0x{EraseBlock(profile):x}</property>\n  </memory>\n");
            else
                xml.Append(CultureInfo.InvariantCulture, $"  <memory type=\"ram\" start=\"0x{r.Start:x}\" length=\"0x{r.Size:x}\"/>\n");
            listed.Add((r.Start, r.Start + (r.Size - 1)));
        }
        // The core's own windows (SCS, DWT) and any model outside the profile's windows.
        foreach (var r in memory.Regions.Where(r => r.Peripheral is not null).OrderBy(r => r.Start))
            if (!listed.Any(l => r.Start <= l.End && l.Start <= r.End))
            {
                xml.Append(CultureInfo.InvariantCulture, $"  <memory type=\"ram\" start=\"0x{r.Start:x}\" length=\"0x{r.Size:x}\"/>\n");
                listed.Add((r.Start, r.End));
            }
        return xml.Append("</memory-map>\n").ToString();
    }
}
