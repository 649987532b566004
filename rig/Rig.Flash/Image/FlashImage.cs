using Rig.Elf.Format;

namespace Rig.Flash.Image;

/// <summary>
/// What a programmer puts into a target, read from the ELF the way gdb's <c>load</c> and <c>compare-sections</c> see it:
/// the file bytes of every PT_LOAD segment at its load address (LMA), each allocated section with contents at its LMA
/// (what is verified, section by section), and the build-id note (what is read back to tell which image the board holds).
/// </summary>
public sealed record FlashImage(string ElfPath, IReadOnlyList<FlashBlock> Segments, IReadOnlyList<FlashBlock> Sections, BuildIdNote? BuildId)
{
    public long Bytes => Segments.Sum(s => (long)s.Data.Length);

    public static FlashImage Load(string elfPath)
    {
        var elf = ElfFile.Load(elfPath);
        if (elf.Machine != ElfMachine.Arm) throw new InvalidDataException($"{elfPath}: an ELF for {ElfFile.MachineName(elf.Machine)}, not an ARM firmware image");
        var loads = elf.Segments.Where(s => s.IsLoad && s.FileSize > 0).ToList();
        if (loads.Count == 0) throw new InvalidDataException($"{elfPath}: no loadable (PT_LOAD) segment with contents: nothing to flash");
        var segments = loads.Select(s => new FlashBlock($"segment {s.Index}", s.PhysicalAddress, elf.Contents(s).ToArray())).ToList();
        var sections = new List<FlashBlock>();
        foreach (var section in elf.Sections.Where(s => s.IsAlloc && !s.IsNoBits && s.Size > 0))
        {
            // The section's bytes sit in the segment whose file range holds them; its LMA is that segment's load address plus the offset.
            var seg = loads.FirstOrDefault(s => section.Offset >= s.Offset && section.Offset + section.Size <= s.Offset + s.FileSize);
            if (seg is null) continue;
            sections.Add(new FlashBlock(section.Name, seg.PhysicalAddress + (section.Offset - seg.Offset), elf.Contents(section).ToArray()));
        }
        return new FlashImage(elfPath, segments, sections, BuildIdNote.Read(elfPath));
    }
}

/// <summary>Bytes at a target address: a segment to write or a section to verify.</summary>
public sealed record FlashBlock(string Name, uint Address, byte[] Data)
{
    public uint End => Address + (uint)Data.Length;
}
