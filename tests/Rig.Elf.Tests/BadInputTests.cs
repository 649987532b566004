using System.Buffers.Binary;
using CsCheck;
using Rig.Core.Profiles;
using Rig.Elf.Format;
using Rig.Elf.Memory;

namespace Rig.Elf.Tests;

/// <summary>Files rig mem must refuse, each with a sentence naming the file and what it is.</summary>
public sealed class BadInputTests(ArmProbeImage probe) : IClassFixture<ArmProbeImage>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rig-elf-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static MemoryReport Measure(string path) =>
        MemoryProfiler.Profile(ElfFile.Load(path), "probe", 0, 0, new MemorySection(0, 0, 0, 64));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Text_file_is_not_an_elf()
    {
        var path = Write("notes.txt", "firmware notes\n"u8.ToArray());
        var e = Assert.Throws<InvalidDataException>(() => Measure(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not an ELF file", e.Message);
    }

    [Fact]
    public void Empty_file_is_not_an_elf()
    {
        var path = Write("empty.elf", []);
        var e = Assert.Throws<InvalidDataException>(() => Measure(path));
        Assert.Contains("not an ELF file", e.Message);
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Missing_file_says_so()
    {
        var path = Path.Combine(_dir, "nope.elf");
        var e = Assert.Throws<FileNotFoundException>(() => ElfFile.Load(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Host_executable_is_another_architecture()
    {
        // The machine's own /bin/ls: a 64-bit ELF for the host (x86-64 on CI).
        var e = Assert.Throws<InvalidDataException>(() => Measure("/bin/ls"));
        Assert.Contains("/bin/ls", e.Message);
        Assert.Contains("64-bit ELF for", e.Message);
        Assert.Contains("ARM", e.Message);
    }

    [Fact]
    public void Host_compiled_object_is_another_architecture()
    {
        var e = Assert.Throws<InvalidDataException>(() => Measure(probe.HostObjectPath));
        Assert.Contains(probe.HostObjectPath, e.Message);
        Assert.Contains("64-bit ELF for", e.Message);
    }

    [Fact]
    public void Thirty_two_bit_elf_for_another_machine_is_named()
    {
        // The probe image with e_machine rewritten to RISC-V: parses, then is refused by machine.
        var bytes = File.ReadAllBytes(probe.ElfPath);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(18), (ushort)ElfMachine.RiscV);
        var path = Write("riscv.elf", bytes);
        var e = Assert.Throws<InvalidDataException>(() => Measure(path));
        Assert.Contains("RISC-V", e.Message);
        Assert.Contains("not for ARM", e.Message);
    }

    [Fact]
    public void Stripped_image_has_no_symbol_table()
    {
        Assert.False(ElfFile.Load(probe.StrippedPath).HasSymbolTable);
        var e = Assert.Throws<InvalidDataException>(() => Measure(probe.StrippedPath));
        Assert.Contains(probe.StrippedPath, e.Message);
        Assert.Contains("no symbol table", e.Message);
        Assert.Contains("stripped", e.Message);
    }

    [Fact]
    public void Unlinked_object_is_not_an_image()
    {
        var e = Assert.Throws<InvalidDataException>(() => Measure(probe.ObjectPath));
        Assert.Contains("not a linked executable", e.Message);
    }

    [Fact]
    public void Truncated_image_says_where()
    {
        var bytes = File.ReadAllBytes(probe.ElfPath);
        var path = Write("cut.elf", bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => Measure(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("past the end of the file", e.Message);
    }

    [Fact]
    public void Damaged_bytes_give_invalid_data_never_a_crash()
    {
        // Any single-byte corruption of a valid image either still parses or is refused with
        // InvalidDataException: no index, overflow or argument exceptions escape the parser.
        var original = File.ReadAllBytes(probe.ElfPath);
        Gen.Select(Gen.Int[0, original.Length - 1], Gen.Byte)
            .Sample((at, value) =>
            {
                var bytes = (byte[])original.Clone();
                bytes[at] = value;
                try
                {
                    var elf = ElfFile.Parse("mutated.elf", bytes);
                    if (elf.Machine == ElfMachine.Arm && elf.Type == ElfType.Executable && elf.HasSymbolTable)
                        MemoryProfiler.Profile(elf, "probe", 0, 0, new MemorySection(0, 0, 0, 64));
                }
                catch (InvalidDataException)
                {
                }
            }, iter: 2000);
    }
}
