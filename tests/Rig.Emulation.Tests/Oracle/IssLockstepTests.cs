using Rig.Emulation.Oracle;
using Xunit.Abstractions;

namespace Rig.Emulation.Tests.Oracle;

/// <summary>The number: 0 register divergences between the ISS and QEMU over programs (a) and (b) on both cores.</summary>
[Collection(SelftestCollection.Name)]
public sealed class IssLockstepTests(SelftestImages images, ITestOutputHelper output)
{
    /// <summary>
    /// Programs compared to their end. stm32l4 (the M4 program (b)'s profile) ships a DS-CNN whose one inference is
    /// ~3.9 M instructions: QEMU's gdbstub steps ~4,000 a second, so the suite compares its first
    /// <see cref="M4FirmwareCoreSteps"/> (the frontend column and the start of the first convolution) and
    /// `rig emulate --selftest` runs it to its end.
    /// </summary>
    [Theory]
    [InlineData("microbit", SelftestProgram.Coverage)]
    [InlineData("microbit", SelftestProgram.FirmwareCore)]
    [InlineData("mps2-an386", SelftestProgram.Coverage)]
    public void The_iss_agrees_with_qemu_after_every_instruction(string machine, SelftestProgram program)
    {
        var result = Lockstep(machine, program, maxSteps: 2_000_000);
        Assert.Equal(LockstepEnd.Done, result.End);
        Assert.True(result.Instructions > 500, $"only {result.Instructions} instructions compared");
    }

    const ulong M4FirmwareCoreSteps = 300_000;

    [Fact]
    public void The_iss_agrees_with_qemu_over_the_m4_firmware_core_frontend_and_first_layer()
    {
        var result = Lockstep("mps2-an386", SelftestProgram.FirmwareCore, M4FirmwareCoreSteps);
        Assert.Equal(LockstepEnd.StepLimit, result.End);
        Assert.True(result.Instructions >= M4FirmwareCoreSteps * 9 / 10, $"only {result.Instructions} instructions compared");
    }

    LockstepResult Lockstep(string machine, SelftestProgram program, ulong maxSteps)
    {
        var image = images.Get(SelftestImages.Machine(machine), program);
        using var qemu = QemuSession.Start(image.Machine, image.ElfPath, SelftestImages.Timeout);
        var iss = new IssLockstepTarget(QemuMachineChip.Create(image.Machine, image.ElfPath));

        var result = new LockstepRunner(new QemuLockstepTarget(qemu.Gdb), iss, a => iss.Core.Symbols?.Describe(a)).Run(image, maxSteps);

        output.WriteLine($"{result.Core} {result.Program}: {result.Instructions} instructions compared, end {result.End} {result.Message}");
        Assert.True(result.Divergence is null, result.Divergence?.ToString());
        Assert.True(result.End != LockstepEnd.Stopped, result.Message);
        return result;
    }
}
