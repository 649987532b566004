using System.Buffers.Binary;

namespace Rig.Elf.Format;

/// <summary>
/// An image's GNU build id (ld --build-id): the NT_GNU_BUILD_ID note `readelf -n` prints, found through the
/// PT_NOTE program headers of a 32-bit (the ARM images) or 64-bit (the native virtual board) little-endian ELF.
/// <see cref="Address"/> is where the note sits in the target's memory (its load address), so a programmer can
/// read it back from flash; firmware/core/build_id.c is the board's reader of the same bytes.
/// </summary>
public sealed record BuildIdNote(string Id, ulong Address, int NoteBytes)
{
    private const uint GnuBuildIdType = 3;
    private const uint NoteSegment = 4;

    /// <summary>The image's build id, or null when it was linked without one; a file that is not a little-endian ELF is an error naming it.</summary>
    public static BuildIdNote? Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        return Parse(path, File.ReadAllBytes(path));
    }

    public static BuildIdNote? Parse(string path, byte[] data)
    {
        if (data.Length < 52 || data[0] != 0x7F || data[1] != (byte)'E' || data[2] != (byte)'L' || data[3] != (byte)'F')
            throw new InvalidDataException($"{path}: not an ELF file");
        if (data[5] != 1) throw new InvalidDataException($"{path}: a big-endian ELF (build ids are read from little-endian images)");
        var wide = data[4] switch
        {
            1 => false,
            2 => true,
            _ => throw new InvalidDataException($"{path}: unknown ELF class {data[4]}"),
        };
        var s = data.AsSpan();
        var phoff = wide ? BinaryPrimitives.ReadUInt64LittleEndian(s[32..]) : BinaryPrimitives.ReadUInt32LittleEndian(s[28..]);
        var phentsize = BinaryPrimitives.ReadUInt16LittleEndian(s[(wide ? 54 : 42)..]);
        var phnum = BinaryPrimitives.ReadUInt16LittleEndian(s[(wide ? 56 : 44)..]);
        for (var i = 0; i < phnum; i++)
        {
            var at = phoff + (ulong)i * phentsize;
            if (at + (ulong)(wide ? 56 : 32) > (ulong)data.Length) throw new InvalidDataException($"{path}: program header {i} lies past the end of the file");
            var h = s[(int)at..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(h) != NoteSegment) continue;
            var (offset, address, size) = wide
                ? (BinaryPrimitives.ReadUInt64LittleEndian(h[8..]), BinaryPrimitives.ReadUInt64LittleEndian(h[24..]), BinaryPrimitives.ReadUInt64LittleEndian(h[32..]))
                : (BinaryPrimitives.ReadUInt32LittleEndian(h[4..]), (ulong)BinaryPrimitives.ReadUInt32LittleEndian(h[12..]), (ulong)BinaryPrimitives.ReadUInt32LittleEndian(h[16..]));
            if (offset + size > (ulong)data.Length) throw new InvalidDataException($"{path}: note segment {i} ({size} bytes at offset {offset}) lies past the end of the file");
            if (Find(s.Slice((int)offset, (int)size)) is { } found)
                return new BuildIdNote(found.Id, address + (ulong)found.NoteOffset, found.NoteBytes);
        }
        return null;
    }

    /// <summary>The first GNU build id in a run of ELF notes (e.g. bytes read back from a target's flash), or null.</summary>
    public static string? FromNotes(ReadOnlySpan<byte> notes) => Find(notes)?.Id;

    private static (string Id, int NoteOffset, int NoteBytes)? Find(ReadOnlySpan<byte> notes)
    {
        var at = 0;
        while (notes.Length - at >= 12)
        {
            var namesz = BinaryPrimitives.ReadUInt32LittleEndian(notes[at..]);
            var descsz = BinaryPrimitives.ReadUInt32LittleEndian(notes[(at + 4)..]);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(notes[(at + 8)..]);
            var nameAt = (long)at + 12;
            var descAt = nameAt + Padded(namesz);
            var end = descAt + Padded(descsz);
            if (end > notes.Length) return null;
            if (type == GnuBuildIdType && namesz == 4 && notes.Slice((int)nameAt, 4).SequenceEqual("GNU\0"u8) && descsz > 0)
                return (Convert.ToHexStringLower(notes.Slice((int)descAt, (int)descsz)), at, (int)(end - at));
            at = (int)end;
        }
        return null;
    }

    private static long Padded(uint n) => ((long)n + 3) & ~3L;
}
