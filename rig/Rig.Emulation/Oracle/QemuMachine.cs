using Rig.Emulation.Cpu;

namespace Rig.Emulation.Oracle;

/// <summary>One memory window of a QEMU board as the selftest programs use it.</summary>
public sealed record QemuMemoryWindow(string Name, uint Start, uint Size, bool Writable);

/// <summary>
/// A QEMU board the oracle runs a core on, with the memory map QEMU gives it (the same windows are
/// built for the ISS, so both run the ELF in the same address space) and the gcc CPU flags of the
/// images built for it.
/// </summary>
public sealed record QemuMachine(string Name, CoreKind Core, string Description, IReadOnlyList<string> CpuFlags, IReadOnlyList<QemuMemoryWindow> Memory)
{
    /// <summary>
    /// BBC micro:bit, nRF51822 (Cortex-M0, ARMv6-M: the M0+ instruction set): 256 KB flash at 0,
    /// 16 KB SRAM at 0x20000000 (nRF51 reference manual, memory map; QEMU hw/arm/nrf51_soc.c).
    /// The programs are built for cortex-m0plus, the profiles' core; QEMU checks the architecture.
    /// </summary>
    public static readonly QemuMachine Microbit = new(
        "microbit", CoreKind.CortexM0Plus, "nRF51 (Cortex-M0, ARMv6-M)",
        ["-mcpu=cortex-m0plus", "-mthumb"],
        [new("flash", 0x0000_0000, 256 * 1024, false), new("sram", 0x2000_0000, 16 * 1024, true)]);

    /// <summary>
    /// MPS2 FPGA with AN386 (Cortex-M4F): 4 MB ZBT SSRAM1 at 0 (code, RAM in QEMU, aliased at
    /// 0x400000), 4 MB SSRAM2/3 at 0x20000000 (ARM AN386 and QEMU hw/arm/mps2.c, `info mtree`).
    /// The programs use 256 KB of each. Built like the M4 board images (soft-float ABI) plus the
    /// FPU instructions the coverage program enables by hand.
    /// </summary>
    public static readonly QemuMachine Mps2An386 = new(
        "mps2-an386", CoreKind.CortexM4, "MPS2 AN386 (Cortex-M4F, ARMv7E-M)",
        ["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=soft"],
        [new("ssram1", 0x0000_0000, 4 * 1024 * 1024, true), new("ssram23", 0x2000_0000, 4 * 1024 * 1024, true)]);

    public static IReadOnlyList<QemuMachine> All { get; } = [Microbit, Mps2An386];

    public static QemuMachine For(CoreKind core) => All.First(m => m.Core == core);
}
