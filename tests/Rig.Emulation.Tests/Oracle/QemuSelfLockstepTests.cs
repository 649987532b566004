using Rig.Elf.Format;
using Rig.Emulation.Oracle;

namespace Rig.Emulation.Tests.Oracle;

/// <summary>
/// The lockstep machinery with QEMU on both sides: the same ELF agrees with itself to the end
/// (QEMU is deterministic under single step, so a divergence against the ISS is the ISS's), and a
/// patched instruction on one side is reported at its PC, with its halfword and register.
/// </summary>
[Collection(SelftestCollection.Name)]
public sealed class QemuSelfLockstepTests(SelftestImages images)
{
    [Theory]
    [InlineData("microbit", SelftestProgram.Coverage)]
    [InlineData("mps2-an386", SelftestProgram.Coverage)]
    public void The_same_elf_in_two_qemus_runs_to_the_end_without_divergence(string machine, SelftestProgram program)
    {
        var image = images.Get(SelftestImages.Machine(machine), program);
        using var a = QemuSession.Start(image.Machine, image.ElfPath, SelftestImages.Timeout);
        using var b = QemuSession.Start(image.Machine, image.ElfPath, SelftestImages.Timeout);

        var result = new LockstepRunner(new QemuLockstepTarget(a.Gdb), new QemuLockstepTarget(b.Gdb)).Run(image, maxSteps: 200_000);

        Assert.Equal(LockstepEnd.Done, result.End);
        Assert.Null(result.Divergence);
        Assert.True(result.Instructions > 500, $"only {result.Instructions} instructions compared");
    }

    [Fact]
    public void A_patched_instruction_is_the_first_divergence_with_its_pc_halfword_and_register()
    {
        var image = images.Get(SelftestImages.Machine("microbit"), SelftestProgram.Coverage);
        var elf = ElfFile.Load(image.ElfPath);
        var patched = elf.Symbols.Single(s => s.Name == "cov_v6m_first_alu").Value & ~1u;
        using var reference = QemuSession.Start(image.Machine, image.ElfPath, SelftestImages.Timeout);
        using var candidate = QemuSession.Start(image.Machine, image.ElfPath, SelftestImages.Timeout);
        Assert.Equal(new byte[] { 0x00, 0x20 }, reference.Gdb.ReadMemory(patched, 2)); // movs r0, #0
        candidate.Gdb.WriteMemory(patched, [0x01, 0x20]);                               // movs r0, #1

        var result = new LockstepRunner(new QemuLockstepTarget(reference.Gdb), new QemuLockstepTarget(candidate.Gdb)).Run(image, maxSteps: 10_000);

        Assert.Equal(LockstepEnd.Diverged, result.End);
        var d = Assert.Single(result.Divergences);
        Assert.Equal(patched, d.Pc);
        Assert.Equal("2000", d.Instruction);
        Assert.Equal("r0", d.Register);
        Assert.Equal(0u, d.Qemu);
        Assert.Equal(1u, d.Iss);
        Assert.Equal(d.Step - 1, result.Instructions);
    }
}
