using System.Buffers.Binary;

namespace Rig.Emulation.Memory;

/// <summary>
/// The address space of one chip: memory regions backed by byte arrays (flash, SRAM, with
/// aliases sharing an array) and peripheral windows. An address in no region throws
/// <see cref="BusFaultException"/>; the core turns it into a fault or a stop.
/// </summary>
public sealed class MemoryMap
{
    readonly List<MemoryRegion> regions = [];
    MemoryRegion? last;

    public IReadOnlyList<MemoryRegion> Regions => regions;

    public MemoryRegion AddMemory(string name, uint start, uint size, bool writable, int waitStates, byte[]? backing = null)
    {
        var region = new MemoryRegion(name, start, size, writable, waitStates, backing ?? new byte[size], null);
        Add(region);
        return region;
    }

    public MemoryRegion AddPeripheral(uint start, uint size, IPeripheral peripheral, int waitStates = 0)
    {
        var region = new MemoryRegion(peripheral.Name, start, size, true, waitStates, null, peripheral);
        Add(region);
        return region;
    }

    void Add(MemoryRegion region)
    {
        foreach (var r in regions)
            if (region.Start <= r.End && r.Start <= region.End)
                throw new ArgumentException($"region {region.Name} 0x{region.Start:X8}-0x{region.End:X8} overlaps {r.Name} 0x{r.Start:X8}-0x{r.End:X8}");
        regions.Add(region);
    }

    public MemoryRegion? Find(uint address)
    {
        var l = last;
        if (l is not null && address - l.Start < l.Size) return l;
        foreach (var r in regions)
            if (address - r.Start < r.Size) { last = r; return r; }
        return null;
    }

    MemoryRegion Require(uint address, int size, bool write)
    {
        var r = Find(address);
        if (r is null || address - r.Start + (uint)size > r.Size) throw new BusFaultException(address, write);
        return r;
    }

    /// <summary>Wait states of an access at <paramref name="address"/> (0 outside every region: the access faults anyway).</summary>
    public int WaitStates(uint address) => Find(address)?.WaitStates ?? 0;

    public uint Read8(uint address) => Read(address, 1);
    public uint Read16(uint address) => Read(address, 2);
    public uint Read32(uint address) => Read(address, 4);
    public void Write8(uint address, uint value) => Write(address, value, 1);
    public void Write16(uint address, uint value) => Write(address, value, 2);
    public void Write32(uint address, uint value) => Write(address, value, 4);

    uint Read(uint address, int size)
    {
        var r = Require(address, size, write: false);
        if (r.Peripheral is { } p) return p.Read(address - r.Start, size);
        var span = r.Backing!.AsSpan((int)(address - r.Start));
        return size switch
        {
            1 => span[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(span),
            _ => BinaryPrimitives.ReadUInt32LittleEndian(span),
        };
    }

    void Write(uint address, uint value, int size)
    {
        var r = Require(address, size, write: true);
        if (r.Peripheral is { } p) { p.Write(address - r.Start, value, size); return; }
        if (!r.Writable) throw new BusFaultException(address, write: true);
        var span = r.Backing!.AsSpan((int)(address - r.Start));
        switch (size)
        {
            case 1: span[0] = (byte)value; break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value); break;
            default: BinaryPrimitives.WriteUInt32LittleEndian(span, value); break;
        }
    }
}

/// <summary>One window of the address space; <see cref="WaitStates"/> per access, from the profile/port clock set-up.</summary>
public sealed record MemoryRegion(string Name, uint Start, uint Size, bool Writable, int WaitStates, byte[]? Backing, IPeripheral? Peripheral)
{
    public uint End => Start + (Size - 1);
}

public sealed class BusFaultException(uint address, bool write)
    : Exception($"bus fault: {(write ? "write to" : "read from")} unmapped address 0x{address:X8}")
{
    public uint Address { get; } = address;
    public bool IsWrite { get; } = write;
}
