using Rig.Core.Runs;

namespace Rig.Elf.Memory;

/// <summary>
/// The part of a <see cref="MemoryReport"/> a run carries in run.json (and the gate compares): totals as
/// `rig mem` counts them (RAM = static + stack reserve) and each section with the region the ELF's
/// section flags put it in.
/// </summary>
public static class RunMemory
{
    public static MemoryResult From(MemoryReport report) =>
        new(report.FlashBytes, report.RamBytes, report.FrontendRamBytes, report.StackReserveBytes,
            report.Sections.ToDictionary(s => s.Name, s => s.Bytes))
        {
            SectionRegions = report.Sections.ToDictionary(s => s.Name, s => s.Region switch
            {
                MemoryRegion.Flash => "flash",
                MemoryRegion.FlashAndRam => "flash+ram",
                _ => "ram",
            }),
        };
}
