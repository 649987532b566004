using Rig.Emulation.Memory;

namespace Rig.Emulation.Gdb;

/// <summary>
/// The emulated chip's flash as a debugger left it: the ELF's bytes until gdb's <c>load</c> erases or writes a
/// flash region (vFlashErase/vFlashWrite), then those bytes, which a reset keeps (the board rebuilds its chip from
/// the ELF and <see cref="Restore"/> puts them back before the first instruction, vectors included).
/// </summary>
public sealed class FlashImage
{
    readonly Dictionary<string, byte[]> flashed = [];

    /// <summary>Whether anything was flashed since the board started.</summary>
    public bool Changed => flashed.Count > 0;

    /// <summary>Keeps a copy of <paramref name="region"/>'s bytes (after a flash operation on it).</summary>
    public void Remember(MemoryRegion region)
    {
        if (region.Backing is null) throw new ArgumentException($"{region.Name} has no bytes to remember", nameof(region));
        flashed[region.Name] = (byte[])region.Backing.Clone();
    }

    /// <summary>Puts what was flashed into a new chip's flash and resets its core from the (new) vector table.</summary>
    public void Restore(EmulatedChip chip)
    {
        if (flashed.Count == 0) return;
        foreach (var region in chip.Core.Memory.Regions)
            if (region.Backing is { } backing && flashed.TryGetValue(region.Name, out var bytes) && bytes.Length == backing.Length)
                bytes.CopyTo(backing, 0);
        chip.Core.FlushFetchCache();
        chip.Core.Reset(chip.Profile.Emulation!.VectorTable);
    }
}
