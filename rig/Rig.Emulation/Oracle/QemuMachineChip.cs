using Rig.Core.Profiles;
using Rig.Elf.Format;
using Rig.Emulation.Cpu;
using Rig.Emulation.Loading;
using Rig.Emulation.Memory;

namespace Rig.Emulation.Oracle;

/// <summary>
/// The rig's ISS set up as a QEMU board: the machine's memory windows as an emulation section
/// (so the core is put together by EmulatedChip.CreateCore, the one place for it), the ELF loaded,
/// reset from the vector table at 0. Faults run the image's handlers (the coverage program takes
/// a HardFault on purpose) instead of stopping.
/// </summary>
public static class QemuMachineChip
{
    public static EmulationSection Section(QemuMachine machine) => new(
        VectorTable: 0,
        Irqs: 32,
        // QEMU 7.2's NVIC implements all 8 priority bits on ARMv7-M (2 on ARMv6-M): match what it reads back.
        PriorityBits: machine.Core == CoreKind.CortexM0Plus ? 2 : 8,
        HasVtor: true,
        MultiplyCycles: 1,
        Regions: [.. machine.Memory.Select(w => new EmulationRegion(w.Name, w.Start, w.Size, w.Writable ? "sram" : "flash", 0, null))]);

    public static ArmCore Create(QemuMachine machine, string elfPath)
    {
        var section = Section(machine);
        var memory = ChipMemory.Build(section);
        var core = EmulatedChip.CreateCore(machine.Core, memory, section);
        core.Symbols = ElfImageLoader.Load(ElfFile.Load(elfPath), memory, machine.Core, machine.Name);
        core.StopOnFault = false;
        core.Reset(section.VectorTable);
        return core;
    }
}
