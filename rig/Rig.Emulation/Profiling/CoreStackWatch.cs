using Rig.Elf.Format;
using Rig.Elf.Memory;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Profiling;

/// <summary>
/// The stack high-water mark without a trace: the core's own lowest SP (<see cref="ArmCore.LowestSp"/>, kept by
/// every SP write of its executor and every exception frame it stacks), so the run keeps the core's fast loop.
/// Exact only where the core keeps that figure for its whole instruction set (<see cref="Exact"/>); elsewhere the
/// per-instruction <see cref="StackWatch"/> of a <see cref="FirmwareProbe"/> measures it.
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

    /// <summary>
    /// Whether <paramref name="core"/> keeps its lowest SP for every instruction: the ARMv6-M executor writes SP
    /// through one place; the M4's Thumb-2 SP writes (PUSH.W, SUB.W SP, VPUSH, STR Rt, [SP, #-n]!) do not update it yet.
    /// </summary>
    public static bool Exact(ArmCore core) => core.Kind == CoreKind.CortexM0Plus;

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
