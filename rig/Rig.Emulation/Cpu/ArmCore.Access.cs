using Rig.Emulation.Cpu.Exceptions;
using System.Runtime.CompilerServices;

namespace Rig.Emulation.Cpu;

/// <summary>
/// Data accesses as instructions make them: alignment rules of the core (ARMv6-M A3.2: every
/// unaligned halfword/word access faults; ARMv7-M A3.2.1: LDR/STR/LDRH/STRH may be unaligned
/// unless CCR.UNALIGN_TRP, LDM/STM/LDRD/STRD/exclusives never), then the memory map.
/// </summary>
public sealed partial class ArmCore
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Load32(uint address)
    {
        if ((address & 3) != 0 && UnalignedTraps) throw Unaligned(address, 4, write: false);
        return Memory.Read32(address);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Load16(uint address)
    {
        if ((address & 1) != 0 && UnalignedTraps) throw Unaligned(address, 2, write: false);
        return Memory.Read16(address);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Load8(uint address) => Memory.Read8(address);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store32(uint address, uint value)
    {
        if ((address & 3) != 0 && UnalignedTraps) throw Unaligned(address, 4, write: true);
        Memory.Write32(address, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store16(uint address, uint value)
    {
        if ((address & 1) != 0 && UnalignedTraps) throw Unaligned(address, 2, write: true);
        Memory.Write16(address, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store8(uint address, uint value) => Memory.Write8(address, value);

    /// <summary>A word access that must be aligned on every core (LDM/STM/PUSH/POP, LDRD/STRD, exclusives, stacking).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint LoadAligned32(uint address)
    {
        if ((address & 3) != 0) throw Unaligned(address, 4, write: false);
        return Memory.Read32(address);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreAligned32(uint address, uint value)
    {
        if ((address & 3) != 0) throw Unaligned(address, 4, write: true);
        Memory.Write32(address, value);
    }

    /// <summary>M0+: always; M4: when CCR.UNALIGN_TRP is set.</summary>
    bool UnalignedTraps => !IsM4 || (Scs.Ccr & SystemControlSpaceBits.CcrUnalignTrp) != 0;

    static CpuFault Unaligned(uint address, int size, bool write) =>
        new(FaultKind.Unaligned, address, $"unaligned {size}-byte {(write ? "write to" : "read from")} 0x{address:X8}");
}
