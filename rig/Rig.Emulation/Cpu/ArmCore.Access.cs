using System.Runtime.CompilerServices;
using Rig.Emulation.Cpu.Exceptions;
using Rig.Emulation.Memory;

namespace Rig.Emulation.Cpu;

/// <summary>
/// Data accesses as instructions make them: alignment rules of the core (ARMv6-M A3.2: every
/// unaligned halfword/word access faults; ARMv7-M A3.2.1: LDR/STR/LDRH/STRH may be unaligned
/// unless CCR.UNALIGN_TRP, LDM/STM/LDRD/STRD/exclusives never), then the memory map. Aligned
/// accesses go straight to the arrays of two remembered regions (the hot path: SRAM data and flash
/// literal pools / const tables): the `ram` slot is the region last stored to, the `rom` slot the
/// other region last loaded from, writable or not (on QEMU's mps2-an386 the code and its constant
/// tables sit in writable SSRAM, so a read-only slot would thrash against the data region);
/// everything else through the map.
/// </summary>
public sealed partial class ArmCore
{
    byte[] ramBytes = [];
    uint ramStart, ramLimit;
    byte[] romBytes = [];
    uint romStart, romLimit;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Load32(uint address)
    {
        if ((address & 3) == 0)
        {
            var off = address - ramStart;
            if (off < ramLimit) return Unsafe.ReadUnaligned<uint>(ref At(ramBytes, off));
            off = address - romStart;
            if (off < romLimit) return Unsafe.ReadUnaligned<uint>(ref At(romBytes, off));
        }
        return LoadSlow32(address);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Load16(uint address)
    {
        if ((address & 1) == 0)
        {
            var off = address - ramStart;
            if (off < ramLimit) return Unsafe.ReadUnaligned<ushort>(ref At(ramBytes, off));
            off = address - romStart;
            if (off < romLimit) return Unsafe.ReadUnaligned<ushort>(ref At(romBytes, off));
        }
        return LoadSlow16(address);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Load8(uint address)
    {
        var off = address - ramStart;
        if (off < ramLimit) return At(ramBytes, off);
        off = address - romStart;
        if (off < romLimit) return At(romBytes, off);
        return LoadSlow8(address);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store32(uint address, uint value)
    {
        if ((address & 3) == 0)
        {
            var off = address - ramStart;
            if (off < ramLimit)
            {
                Unsafe.WriteUnaligned(ref At(ramBytes, off), value);
                return;
            }
        }
        StoreSlow32(address, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store16(uint address, uint value)
    {
        if ((address & 1) == 0)
        {
            var off = address - ramStart;
            if (off < ramLimit)
            {
                Unsafe.WriteUnaligned(ref At(ramBytes, off), (ushort)value);
                return;
            }
        }
        StoreSlow16(address, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store8(uint address, uint value)
    {
        var off = address - ramStart;
        if (off < ramLimit)
        {
            At(ramBytes, off) = (byte)value;
            return;
        }
        StoreSlow8(address, value);
    }

    // The slow paths out of line: the fast paths above inline into every load and store of the executors.
    [MethodImpl(MethodImplOptions.NoInlining)]
    uint LoadSlow32(uint address)
    {
        if ((address & 3) != 0 && UnalignedTraps) throw Unaligned(address, 4, write: false);
        return Memory.Read32(CacheForLoad(address));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    uint LoadSlow16(uint address)
    {
        if ((address & 1) != 0 && UnalignedTraps) throw Unaligned(address, 2, write: false);
        return Memory.Read16(CacheForLoad(address));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    uint LoadSlow8(uint address) => Memory.Read8(CacheForLoad(address));

    [MethodImpl(MethodImplOptions.NoInlining)]
    void StoreSlow32(uint address, uint value)
    {
        if ((address & 3) != 0 && UnalignedTraps) throw Unaligned(address, 4, write: true);
        Memory.Write32(CacheForStore(address), value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    void StoreSlow16(uint address, uint value)
    {
        if ((address & 1) != 0 && UnalignedTraps) throw Unaligned(address, 2, write: true);
        Memory.Write16(CacheForStore(address), value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    void StoreSlow8(uint address, uint value) => Memory.Write8(CacheForStore(address), value);

    /// <summary>A word access that must be aligned on every core (LDM/STM/PUSH/POP, LDRD/STRD, exclusives, stacking).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint LoadAligned32(uint address)
    {
        if ((address & 3) != 0) throw Unaligned(address, 4, write: false);
        var off = address - ramStart;
        if (off < ramLimit) return Unsafe.ReadUnaligned<uint>(ref At(ramBytes, off));
        off = address - romStart;
        if (off < romLimit) return Unsafe.ReadUnaligned<uint>(ref At(romBytes, off));
        return LoadSlow32(address);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StoreAligned32(uint address, uint value)
    {
        if ((address & 3) != 0) throw Unaligned(address, 4, write: true);
        var off = address - ramStart;
        if (off < ramLimit)
        {
            Unsafe.WriteUnaligned(ref At(ramBytes, off), value);
            return;
        }
        StoreSlow32(address, value);
    }

    /// <summary>
    /// The byte at <paramref name="offset"/> without a bounds check: every caller has checked the
    /// offset against a limit that is at most the array's length minus 3 (<see cref="Cache"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ref byte At(byte[] bytes, uint offset) =>
        ref Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(bytes), offset);

    /// <summary>
    /// A load missed both slots: its region becomes the `rom` slot, or the `ram` slot while no store
    /// has claimed it (a writable region then; a store moves the slot to where it writes). Returns the address.
    /// </summary>
    uint CacheForLoad(uint address)
    {
        var r = Memory.Find(address);
        if (r?.Backing is { } bytes && r.Size >= 4)
        {
            if (r.Writable && ramBytes.Length == 0) SetRam(r, bytes);
            else
            {
                romBytes = bytes;
                romStart = r.Start;
                romLimit = r.Size - 3;
            }
        }
        return address;
    }

    /// <summary>A store missed the `ram` slot: a writable memory region becomes it. Returns the address.</summary>
    uint CacheForStore(uint address)
    {
        var r = Memory.Find(address);
        if (r?.Backing is { } bytes && r.Size >= 4 && r.Writable)
            SetRam(r, bytes);
        return address;
    }

    void SetRam(MemoryRegion r, byte[] bytes)
    {
        ramBytes = bytes;
        ramStart = r.Start;
        ramLimit = r.Size - 3;
    }

    /// <summary>M0+: always; M4: when CCR.UNALIGN_TRP is set.</summary>
    bool UnalignedTraps => !IsM4 || (Scs.Ccr & SystemControlSpaceBits.CcrUnalignTrp) != 0;

    static CpuFaultException Unaligned(uint address, int size, bool write) =>
        new(FaultKind.Unaligned, address, $"unaligned {size}-byte {(write ? "write to" : "read from")} 0x{address:X8}");
}
