using System.Buffers.Binary;
using Rig.Elf.Format;
using Rig.Emulation.Oracle;
using Rig.Gdb;

namespace Rig.Emulation.Tests.Oracle;

/// <summary>The GDB remote-protocol client against QEMU's real gdbstub, on the coverage program.</summary>
[Collection(SelftestCollection.Name)]
public sealed class GdbRemoteClientTests(SelftestImages images)
{
    [Theory]
    [InlineData("microbit")]
    [InlineData("mps2-an386")]
    public void Registers_at_reset_are_the_vector_table_s_stack_pointer_and_reset_handler(string machine)
    {
        var image = images.Get(SelftestImages.Machine(machine), SelftestProgram.Coverage);
        var (sp, reset) = Vectors(image);
        using var qemu = QemuSession.Start(image.Machine, image.ElfPath, SelftestImages.Timeout);

        var registers = qemu.Gdb.ReadCoreRegisters();

        Assert.Equal(reset & ~1u, registers.Pc);
        Assert.Equal(sp, registers.R[13]);
        Assert.Equal(1u << 24, registers.Xpsr & (1u << 24)); // EPSR.T: Thumb state
        Assert.Equal(0u, registers.ExceptionNumber);          // thread mode
        Assert.NotNull(qemu.Gdb.Layout.Find("xpsr"));
    }

    [Theory]
    [InlineData("microbit")]
    [InlineData("mps2-an386")]
    public void A_step_executes_one_instruction(string machine)
    {
        var image = images.Get(SelftestImages.Machine(machine), SelftestProgram.Coverage);
        using var qemu = QemuSession.Start(image.Machine, image.ElfPath, SelftestImages.Timeout);
        var before = qemu.Gdb.ReadCoreRegisters();
        var hw1 = BinaryPrimitives.ReadUInt16LittleEndian(qemu.Gdb.ReadMemory(before.Pc, 2));
        var length = (hw1 >> 11) is 0b11101 or 0b11110 or 0b11111 ? 4u : 2u;
        var isBranch = (hw1 & 0xF800) is 0xE000 or 0xF000 || (hw1 & 0xFF00) == 0x4700 || (hw1 & 0xF000) == 0xD000;

        var stop = qemu.Gdb.Step();
        var after = qemu.Gdb.ReadCoreRegisters();

        Assert.Equal(GdbStopReply.SigTrap, stop.Signal);
        if (!isBranch) Assert.Equal(before.Pc + length, after.Pc);
        else Assert.NotEqual(before.Pc, after.Pc);
    }

    [Fact]
    public void Memory_writes_read_back_and_code_reads_as_the_elf()
    {
        var image = images.Get(SelftestImages.Machine("microbit"), SelftestProgram.Coverage);
        using var qemu = QemuSession.Start(image.Machine, image.ElfPath, SelftestImages.Timeout);
        byte[] pattern = [0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0, 0x24, 0x23]; // '$' and '#' go escaped

        qemu.Gdb.WriteMemory(0x2000_3F00, pattern);

        Assert.Equal(pattern, qemu.Gdb.ReadMemory(0x2000_3F00, pattern.Length));
        var elf = ElfFile.Load(image.ElfPath);
        var vectors = elf.Section(".vectors")!;
        Assert.Equal(elf.Contents(vectors)[..8].ToArray(), qemu.Gdb.ReadMemory(vectors.Address, 8));
    }

    [Theory]
    [InlineData("microbit")]
    [InlineData("mps2-an386")]
    public void Continue_stops_at_a_breakpoint_on_selftest_done(string machine)
    {
        var image = images.Get(SelftestImages.Machine(machine), SelftestProgram.Coverage);
        using var qemu = QemuSession.Start(image.Machine, image.ElfPath, SelftestImages.Timeout);

        var registers = new QemuLockstepTarget(qemu.Gdb).RunTo(image.DoneAddress, SelftestImages.Timeout);

        Assert.Equal(image.DoneAddress, registers.Pc);
        Assert.Equal(0u, registers.ExceptionNumber);
        // Reset_Handler stored selftest_main's return value (r0) before branching to selftest_done.
        var result = BinaryPrimitives.ReadUInt32LittleEndian(qemu.Gdb.ReadMemory(SelftestResultAddress(image), 4));
        Assert.Equal(registers.R[0], result);
    }

    [Fact]
    public void A_target_that_does_not_stop_in_time_is_interrupted_with_a_clear_error()
    {
        var image = images.Get(SelftestImages.Machine("microbit"), SelftestProgram.Coverage);
        using var qemu = QemuSession.Start(image.Machine, image.ElfPath, SelftestImages.Timeout);
        qemu.Gdb.InsertBreakpoint(image.UnexpectedAddress); // never reached: the program ends in selftest_done

        var error = Assert.Throws<GdbProtocolException>(() => qemu.Gdb.Continue(TimeSpan.FromMilliseconds(500)));

        Assert.Contains("did not stop within", error.Message);
        Assert.Equal(image.DoneAddress, qemu.Gdb.ReadCoreRegisters().Pc); // interrupted (0x03) in its final loop
    }

    [Fact]
    public void A_missing_qemu_is_one_line_naming_the_package()
    {
        var image = images.Get(SelftestImages.Machine("microbit"), SelftestProgram.Coverage);

        var error = Assert.Throws<QemuNotFoundException>(() =>
            QemuSession.Start(image.Machine, image.ElfPath, SelftestImages.Timeout, executable: "qemu-system-arm-not-installed"));

        Assert.Contains("install the Debian package qemu-system-arm", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    static (uint Sp, uint Reset) Vectors(SelftestImage image)
    {
        var elf = ElfFile.Load(image.ElfPath);
        var bytes = elf.Contents(elf.Section(".vectors")!);
        return (BinaryPrimitives.ReadUInt32LittleEndian(bytes), BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]));
    }

    static uint SelftestResultAddress(SelftestImage image)
    {
        var elf = ElfFile.Load(image.ElfPath);
        return elf.Symbols.Single(s => s.Name == "selftest_result").Value;
    }
}
