using Rig.Elf.Format;
using Rig.Elf.Memory;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Profiling;

/// <summary>
/// The stack high-water mark without a trace: the core's own lowest SP (<see cref="ArmCore.LowestSp"/>, kept by
/// every SP write of its 16-bit and Thumb-2 executors, MSR MSP/PSP and every exception frame it stacks), so the run
/// keeps the core's fast loop on the M0+ and the M4 alike. The per-instruction <see cref="StackWatch"/> of a
/// <see cref="FirmwareProbe"/> measures the same figure when a trace runs anyway (`--profile-functions`).
/// </summary>
public sealed class CoreStackWatch
{
    readonly ArmCore core;
    readonly uint stackTop, initialSp;
    readonly IReadOnlyList<ElfSection> staticSections;

    CoreStackWatch(ArmCore core, uint stackTop, IReadOnlyList<ElfSection> staticSections)
    {
        this.core = core;
        this.stackTop = stackTop;
        this.staticSections = staticSections;
        initialSp = core.Msp;
    }

    /// <summary>Watches <paramref name="core"/> running <paramref name="elf"/> from now on (stack top as <see cref="FirmwareProbe.Create"/> finds it).</summary>
    public static CoreStackWatch Start(ArmCore core, ElfFile elf) =>
        new(core, FirmwareProbe.StackTopOf(core, elf), MemoryProfiler.StaticRamSections(elf));

    /// <summary>The stack figures only: no function profile, no SRAM-written map (those need the trace).</summary>
    public FirmwareMeasurements Result()
    {
        var lowest = Math.Min(Math.Min(stackTop, initialSp), core.LowestSp);
        return new FirmwareMeasurements(null, stackTop, lowest, checked((int)(stackTop - lowest)), null,
            staticSections.Sum(s => (int)s.Size), null, false);
    }
}
