using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Rig.Emulation.Memory;

/// <summary>
/// The address space of one chip: memory regions backed by byte arrays (flash, SRAM, with
/// aliases sharing an array), peripheral windows (<see cref="IPeripheral"/>), and named windows
/// of registers nobody models yet. An address in no region throws
/// <see cref="BusFaultException"/>, one in an unmodelled window <see cref="UnmodelledRegisterException"/>;
/// the core turns them into a fault or a stop.
/// </summary>
public sealed class MemoryMap
{
    MemoryRegion[] regions = [];
    readonly List<(string Name, uint Start, uint Size)> windows = [];
    // Two one-entry caches: accesses alternate between the code region (literal pools) and SRAM.
    MemoryRegion? last, previous;

    public IReadOnlyList<MemoryRegion> Regions => regions;

    /// <summary>The largest wait-state count of any region: 0 lets cycle models skip the per-access lookup.</summary>
    public int MaxWaitStates { get; private set; }

    public MemoryRegion AddMemory(string name, uint start, uint size, bool writable, int waitStates, byte[]? backing = null)
    {
        if (backing is not null && backing.Length < size)
            throw new ArgumentException($"region {name}: backing array of {backing.Length} B is smaller than the region ({size} B)");
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

    /// <summary>
    /// A window of registers that are not modelled: an access names it. Regions added later
    /// (issue 17's peripheral models) take precedence inside it.
    /// </summary>
    public void AddUnmodelledWindow(string name, uint start, uint size) => windows.Add((name, start, size));

    void Add(MemoryRegion region)
    {
        foreach (var r in regions)
            if (region.Start <= r.End && r.Start <= region.End)
                throw new ArgumentException($"region {region.Name} 0x{region.Start:X8}-0x{region.End:X8} overlaps {r.Name} 0x{r.Start:X8}-0x{r.End:X8}");
        regions = [.. regions, region];
        MaxWaitStates = Math.Max(MaxWaitStates, region.WaitStates);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public MemoryRegion? Find(uint address)
    {
        var l = last;
        if (l is not null && address - l.Start < l.Size) return l;
        return FindSlow(address);
    }

    MemoryRegion? FindSlow(uint address)
    {
        var p = previous;
        if (p is not null && address - p.Start < p.Size)
        {
            previous = last;
            last = p;
            return p;
        }
        foreach (var r in regions)
            if (address - r.Start < r.Size)
            {
                previous = last;
                last = r;
                return r;
            }
        return null;
    }

    /// <summary>The unmodelled window holding <paramref name="address"/>, if any.</summary>
    public string? WindowName(uint address)
    {
        foreach (var w in windows)
            if (address - w.Start < w.Size) return w.Name;
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    MemoryRegion Require(uint address, int size, bool write)
    {
        var r = Find(address);
        if (r is null || address - r.Start + (uint)size > r.Size) throw Unmapped(address, write);
        return r;
    }

    Exception Unmapped(uint address, bool write) =>
        WindowName(address) is { } window
            ? new UnmodelledRegisterException(window, address, write)
            : new BusFaultException(address, write);

    /// <summary>Wait states of an access at <paramref name="address"/> (0 outside every region: the access faults anyway).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int WaitStates(uint address) => MaxWaitStates == 0 ? 0 : RegionWaitStates(address);

    // Out of line: cycle models inline WaitStates at every load and store they time.
    [MethodImpl(MethodImplOptions.NoInlining)]
    int RegionWaitStates(uint address) => Find(address)?.WaitStates ?? 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Read8(uint address)
    {
        var r = Require(address, 1, write: false);
        if (r.Backing is { } b) return b[address - r.Start];
        return r.Peripheral!.Read(address - r.Start, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Read16(uint address)
    {
        var r = Require(address, 2, write: false);
        if (r.Backing is { } b) return Unsafe.ReadUnaligned<ushort>(ref b[address - r.Start]);
        return r.Peripheral!.Read(address - r.Start, 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Read32(uint address)
    {
        var r = Require(address, 4, write: false);
        if (r.Backing is { } b) return Unsafe.ReadUnaligned<uint>(ref b[address - r.Start]);
        return r.Peripheral!.Read(address - r.Start, 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write8(uint address, uint value)
    {
        var r = Require(address, 1, write: true);
        if (r.Backing is { } b && r.Writable) b[address - r.Start] = (byte)value;
        else WriteOther(r, address, value, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write16(uint address, uint value)
    {
        var r = Require(address, 2, write: true);
        if (r.Backing is { } b && r.Writable) Unsafe.WriteUnaligned(ref b[address - r.Start], (ushort)value);
        else WriteOther(r, address, value, 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write32(uint address, uint value)
    {
        var r = Require(address, 4, write: true);
        if (r.Backing is { } b && r.Writable) Unsafe.WriteUnaligned(ref b[address - r.Start], value);
        else WriteOther(r, address, value, 4);
    }

    static void WriteOther(MemoryRegion r, uint address, uint value, int size)
    {
        if (r.Peripheral is { } p) p.Write(address - r.Start, value, size);
        else throw new BusFaultException(address, write: true, $"write to read-only {r.Name}");
    }

    /// <summary>Places bytes into memory regions regardless of their write permission (the ELF loader, a debugger).</summary>
    public void Load(uint address, ReadOnlySpan<byte> bytes)
    {
        var r = Find(address);
        if (r?.Backing is null || address - r.Start + (ulong)bytes.Length > r.Size)
            throw new BusFaultException(address, write: true, $"{bytes.Length} bytes do not fit a memory region");
        bytes.CopyTo(r.Backing.AsSpan((int)(address - r.Start)));
    }

    /// <summary>Reads bytes from memory regions (the ELF loader's checks, a debugger).</summary>
    public uint Peek32(uint address)
    {
        var r = Require(address, 4, write: false);
        return r.Backing is { } b ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan((int)(address - r.Start))) : throw new BusFaultException(address, write: false);
    }
}

/// <summary>One window of the address space; <see cref="WaitStates"/> per access, from the profile/port clock set-up.</summary>
public sealed record MemoryRegion(string Name, uint Start, uint Size, bool Writable, int WaitStates, byte[]? Backing, IPeripheral? Peripheral)
{
    public uint End => Start + (Size - 1);
}

public sealed class BusFaultException(uint address, bool write, string? what = null)
    : Exception($"bus fault: {(write ? "write to" : "read from")} {(what is null ? "unmapped address" : "")} 0x{address:X8}{(what is null ? "" : $" ({what})")}".Replace("  ", " "))
{
    public uint Address { get; } = address;
    public bool IsWrite { get; } = write;
}
