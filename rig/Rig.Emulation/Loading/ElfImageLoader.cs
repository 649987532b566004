using Rig.Elf.Format;
using Rig.Emulation.Cpu;
using Rig.Emulation.Memory;

namespace Rig.Emulation.Loading;

/// <summary>
/// Places an ELF image into a chip's memory as a flash programmer would: every PT_LOAD segment's
/// file bytes at its physical address (LMA; .data is copied to RAM by the image's own start-up),
/// after checking the file is ARM code for this core and that every segment (its LMA bytes and
/// its run-time VMA extent) lies in the chip's memory. Refusals are <see cref="InvalidDataException"/>s
/// naming the file, the segment and the address.
/// </summary>
public static class ElfImageLoader
{
    public static SymbolMap Load(ElfFile elf, MemoryMap memory, CoreKind core, string chip)
    {
        CheckArchitecture(elf, core);
        var loads = elf.Segments.Where(s => s.IsLoad && s.MemorySize > 0).ToList();
        if (loads.Count == 0) throw new InvalidDataException($"{elf.Path}: no loadable (PT_LOAD) segment: nothing to run");
        foreach (var s in loads)
        {
            if (s.FileSize > 0) RequireMemory(elf, memory, s, s.PhysicalAddress, s.FileSize, "its bytes (LMA)", chip);
            RequireMemory(elf, memory, s, s.VirtualAddress, s.MemorySize, "its run-time extent (VMA)", chip);
        }
        foreach (var s in loads.Where(s => s.FileSize > 0))
            memory.Load(s.PhysicalAddress, elf.Contents(s));
        return SymbolMap.FromElf(elf);
    }

    static void CheckArchitecture(ElfFile elf, CoreKind core)
    {
        if (elf.Machine != ElfMachine.Arm)
            throw new InvalidDataException($"{elf.Path}: built for {ElfFile.MachineName(elf.Machine)}, not ARM: the emulator runs Cortex-M images");
        if (elf.Type != ElfType.Executable)
            throw new InvalidDataException($"{elf.Path}: not an executable (e_type {(ushort)elf.Type}); link the image first");
        if (ArmAttributes.CpuArch(elf) is not { } arch) return;
        var fits = core switch
        {
            CoreKind.CortexM0Plus => arch is ArmAttributes.ArchV6M or ArmAttributes.ArchV6SM,
            _ => arch is ArmAttributes.ArchV6M or ArmAttributes.ArchV6SM or ArmAttributes.ArchV7 or ArmAttributes.ArchV7EM,
        };
        if (!fits)
            throw new InvalidDataException($"{elf.Path}: compiled for {ArmAttributes.ArchName(arch)} (.ARM.attributes Tag_CPU_arch), which a {core} does not run");
    }

    static void RequireMemory(ElfFile elf, MemoryMap memory, ElfSegment s, uint address, uint size, string what, string chip)
    {
        var region = memory.Find(address);
        var end = (ulong)address + size;
        if (region?.Backing is null || end > (ulong)region.Start + region.Size)
        {
            var sections = string.Join(" ", elf.Sections.Where(x => x.IsAlloc && x.Size > 0 && x.Address >= s.VirtualAddress && x.Address < s.VirtualAddress + s.MemorySize).Select(x => x.Name));
            var where = region is null ? "in no memory region" : region.Backing is null ? $"in {region.Name}, which is not memory" : $"past the end of {region.Name} (0x{region.Start:X8}-0x{region.End:X8})";
            throw new InvalidDataException(
                $"{elf.Path}: segment {s.Index} ({(sections.Length > 0 ? sections : "no sections")}): {what} 0x{address:X8}-0x{end - 1:X8} is {where} of the {chip} memory map");
        }
    }
}
