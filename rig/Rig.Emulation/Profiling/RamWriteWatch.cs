using Rig.Emulation.Cpu;
using Rig.Emulation.Memory;

namespace Rig.Emulation.Profiling;

/// <summary>
/// Which bytes of SRAM the firmware wrote at least once: every store the core executed (decoded by
/// <see cref="StoreDecoder"/>) and every exception frame it stacked, counted from the first time
/// the PC reaches <c>armAt</c> (the image's <c>main</c>: the start-up code writes all of .data,
/// .bss and the painted stack, so counting it would say nothing), or from the first instruction
/// when it is null. Aliases of one SRAM count once. Writes by a peripheral's DMA are not stores
/// of the core and are not seen.
/// </summary>
public sealed class RamWriteWatch
{
    readonly MemoryMap memory;
    readonly Dictionary<byte[], bool[]> written = new(ReferenceEqualityComparer.Instance);
    readonly uint? armAt;
    MemoryRegion? lastRegion;
    bool[]? lastBits;

    public RamWriteWatch(MemoryMap memory, uint? armAt)
    {
        this.memory = memory;
        this.armAt = armAt;
        Armed = armAt is null;
        foreach (var r in memory.Regions)
            if (r.Writable && r.Backing is { } b && !written.ContainsKey(b))
                written[b] = new bool[b.Length];
    }

    public bool Armed { get; private set; }

    /// <summary>Counting starts at main (false: from the first instruction the watch saw).</summary>
    public bool CountsFromMain => armAt is not null;

    /// <summary>After an instruction: arms at <c>armAt</c>, then marks what a store wrote.</summary>
    public void Executed(uint pc, ushort hw1, ushort hw2, bool skipped, in RegisterFile registers)
    {
        if (!Armed)
        {
            if (pc != armAt) return;
            Armed = true;
        }
        if (skipped) return;
        var (address, length) = StoreDecoder.Decode(hw1, hw2, registers);
        if (length != 0) Mark(address, length);
    }

    /// <summary>The 8-word frame of an exception entry at <paramref name="frame"/>.</summary>
    public void Stacked(uint frame)
    {
        if (Armed) Mark(frame, 32);
    }

    void Mark(uint address, uint length)
    {
        for (var a = address; a - address < length; a++)
        {
            var r = lastRegion;
            if (r is null || a - r.Start >= r.Size)
            {
                r = memory.Find(a);
                if (r?.Backing is not { } b || !r.Writable) continue;
                lastRegion = r;
                lastBits = written[b];
            }
            lastBits![a - r.Start] = true;
        }
    }

    /// <summary>Bytes of SRAM written at least once since the watch armed.</summary>
    public int TouchedBytes => written.Values.Sum(bits => bits.Count(x => x));

    /// <summary>Bytes written at least once inside [<paramref name="start"/>, <paramref name="start"/> + <paramref name="size"/>) (a section, the stack).</summary>
    public int TouchedIn(uint start, uint size)
    {
        var count = 0;
        for (var a = start; a - start < size; a++)
            if (memory.Find(a) is { Backing: { } b, Writable: true } r && written[b][a - r.Start]) count++;
        return count;
    }
}
