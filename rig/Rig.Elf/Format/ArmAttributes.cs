namespace Rig.Elf.Format;

/// <summary>
/// Tag_CPU_arch of an ARM ELF's build attributes (.ARM.attributes, "aeabi" vendor section;
/// ARM IHI 0045 "Addenda to the ABI", 2.3-2.5): which architecture the code was compiled for.
/// </summary>
public static class ArmAttributes
{
    public const int TagCpuArch = 6;

    /// <summary>Tag_CPU_arch values of the M profile (IHI 0045 2.5 "Tag_CPU_arch").</summary>
    public const uint ArchV7 = 10, ArchV6M = 11, ArchV6SM = 12, ArchV7EM = 13;

    public static string ArchName(uint arch) => arch switch
    {
        ArchV7 => "ARMv7",
        ArchV6M => "ARMv6-M",
        ArchV6SM => "ARMv6S-M",
        ArchV7EM => "ARMv7E-M",
        14 => "ARMv8-A",
        16 => "ARMv8-M baseline",
        17 => "ARMv8-M mainline",
        _ => $"Tag_CPU_arch {arch}",
    };

    /// <summary>The file's Tag_CPU_arch, or null when it carries no aeabi attributes.</summary>
    public static uint? CpuArch(ElfFile elf)
    {
        var section = elf.Sections.FirstOrDefault(s => s.Type == ElfSectionType.ArmAttributes);
        if (section is null) return null;
        var data = elf.Contents(section);
        if (data.Length < 1 || data[0] != (byte)'A') return null;
        var at = 1;
        while (at + 4 <= data.Length)
        {
            var length = (int)BitConverter.ToUInt32(data.Slice(at, 4));
            if (length < 4 || at + length > data.Length) return null;
            var sub = data.Slice(at + 4, length - 4);
            var nul = sub.IndexOf((byte)0);
            if (nul > 0 && System.Text.Encoding.ASCII.GetString(sub[..nul]) == "aeabi")
                return FindCpuArch(sub[(nul + 1)..]);
            at += length;
        }
        return null;
    }

    static uint? FindCpuArch(ReadOnlySpan<byte> s)
    {
        var at = 0;
        while (at + 5 <= s.Length)
        {
            var tag = s[at];
            var size = (int)BitConverter.ToUInt32(s.Slice(at + 1, 4));
            if (size < 5 || at + size > s.Length) return null;
            if (tag == 1) // Tag_File: attributes of the whole file follow
            {
                var a = s.Slice(at + 5, size - 5);
                var i = 0;
                while (i < a.Length)
                {
                    var attr = Uleb(a, ref i);
                    if (attr == TagCpuArch) return Uleb(a, ref i);
                    // IHI 0045 2.2.6: tags 4, 5, 65, 67 and odd tags above 32 are strings, 32 is ULEB + string, the rest ULEB.
                    if (attr is 4 or 5 or 65 or 67 || attr > 32 && attr % 2 == 1) Skip(a, ref i);
                    else if (attr == 32) { Uleb(a, ref i); Skip(a, ref i); }
                    else Uleb(a, ref i);
                }
                return null;
            }
            at += size;
        }
        return null;
    }

    static uint Uleb(ReadOnlySpan<byte> a, ref int i)
    {
        uint value = 0;
        for (var shift = 0; i < a.Length && shift < 35; shift += 7)
        {
            var b = a[i++];
            value |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) break;
        }
        return value;
    }

    static void Skip(ReadOnlySpan<byte> a, ref int i)
    {
        while (i < a.Length && a[i] != 0) i++;
        i++;
    }
}
