using Rig.Emulation.Memory;

namespace Rig.Emulation.Gdb;

/// <summary>
/// The chip's address space as a debugger sees it: flash and SRAM (and their aliases) read and written directly,
/// peripheral registers through their models (a read has the side effects it has on the chip, as through a real
/// probe), flash written only by erase and program (vFlashErase/vFlashWrite), as gdb's memory map asks.
/// An address nothing answers is a <see cref="GdbMemoryException"/> (gdb's E reply).
/// </summary>
public static class DebugMemory
{
    public static byte[] Read(MemoryMap memory, uint address, int length)
    {
        var result = new byte[length];
        var done = 0;
        while (done < length)
        {
            var at = address + (uint)done;
            var region = memory.Find(at) ?? throw new GdbMemoryException($"0x{at:X8} is not mapped");
            var n = (int)Math.Min(length - done, (long)region.End - at + 1);
            if (region.Backing is { } backing) backing.AsSpan((int)(at - region.Start), n).CopyTo(result.AsSpan(done));
            else
                for (var i = 0; i < n;)
                {
                    var a = at + (uint)i;
                    // Registers are words: an aligned word is read as one (a model may not answer byte reads).
                    if ((a & 3) == 0 && n - i >= 4)
                    {
                        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(done + i), Guard(a, () => memory.Read32(a)));
                        i += 4;
                    }
                    else result[done + i++] = (byte)Guard(a, () => memory.Read8(a));
                }
            done += n;
        }
        return result;
    }

    /// <summary>A write of gdb's M/X packets: SRAM and peripherals; flash only through <see cref="ProgramFlash"/>.</summary>
    public static void Write(MemoryMap memory, uint address, ReadOnlySpan<byte> data)
    {
        var done = 0;
        while (done < data.Length)
        {
            var at = address + (uint)done;
            var region = memory.Find(at) ?? throw new GdbMemoryException($"0x{at:X8} is not mapped");
            var n = (int)Math.Min(data.Length - done, (long)region.End - at + 1);
            if (region.Backing is { } backing)
            {
                if (!region.Writable) throw new GdbMemoryException($"0x{at:X8} is in {region.Name}: flash is written by load (vFlashWrite), not by a memory write");
                data.Slice(done, n).CopyTo(backing.AsSpan((int)(at - region.Start)));
            }
            else
            {
                var bytes = data.Slice(done, n).ToArray();
                for (var i = 0; i < n;)
                {
                    var a = at + (uint)i;
                    if ((a & 3) == 0 && n - i >= 4)
                    {
                        var word = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i));
                        Guard(a, () => { memory.Write32(a, word); return 0; });
                        i += 4;
                    }
                    else
                    {
                        var value = bytes[i++];
                        Guard(a, () => { memory.Write8(a, value); return 0; });
                    }
                }
            }
            done += n;
        }
    }

    /// <summary>The flash region at <paramref name="address"/> (a read-only memory region), or an error naming the address.</summary>
    public static MemoryRegion FlashAt(MemoryMap memory, uint address, long length)
    {
        var region = memory.Find(address);
        if (region is not { Backing: not null, Writable: false })
            throw new GdbMemoryException($"0x{address:X8} is not in the chip's flash");
        if (address - region.Start + length > region.Size)
            throw new GdbMemoryException($"0x{address:X8}+{length} runs past the end of {region.Name} (0x{region.End:X8})");
        return region;
    }

    /// <summary>vFlashErase: the bytes read as erased NOR flash (0xFF).</summary>
    public static MemoryRegion EraseFlash(MemoryMap memory, uint address, uint length)
    {
        var region = FlashAt(memory, address, length);
        region.Backing.AsSpan((int)(address - region.Start), (int)length).Fill(0xFF);
        return region;
    }

    /// <summary>vFlashWrite: programs bytes into flash (the emulated flash takes any value; a real one only clears bits).</summary>
    public static MemoryRegion ProgramFlash(MemoryMap memory, uint address, ReadOnlySpan<byte> data)
    {
        var region = FlashAt(memory, address, data.Length);
        data.CopyTo(region.Backing.AsSpan((int)(address - region.Start)));
        return region;
    }

    static uint Guard(uint address, Func<uint> access)
    {
        try
        {
            return access();
        }
        catch (Exception e) when (e is BusFaultException or UnmodelledRegisterException or InvalidOperationException or ArgumentException)
        {
            throw new GdbMemoryException($"0x{address:X8}: {e.Message}");
        }
    }
}

/// <summary>A debugger access to an address nothing answers (or flash written like RAM): gdb gets an E reply.</summary>
public sealed class GdbMemoryException(string message) : Exception(message);
