using Rig.Emulation.Oracle;
using Xunit.Abstractions;

namespace Rig.Emulation.Tests.Oracle;

/// <summary>The number: 0 register divergences between the ISS and QEMU over programs (a) and (b) on both cores.</summary>
[Collection(SelftestCollection.Name)]
public sealed class IssLockstepTests(SelftestImages images, ITestOutputHelper output)
{
    [Theory]
    [InlineData("microbit", SelftestProgram.Coverage)]
    [InlineData("microbit", SelftestProgram.FirmwareCore)]
    [InlineData("mps2-an386", SelftestProgram.Coverage)]
    [InlineData("mps2-an386", SelftestProgram.FirmwareCore)]
    public void The_iss_agrees_with_qemu_after_every_instruction(string machine, SelftestProgram program)
    {
        var image = images.Get(SelftestImages.Machine(machine), program);
        using var qemu = QemuSession.Start(image.Machine, image.ElfPath, SelftestImages.Timeout);
        var iss = new IssLockstepTarget(QemuMachineChip.Create(image.Machine, image.ElfPath));

        var result = new LockstepRunner(new QemuLockstepTarget(qemu.Gdb), iss, a => iss.Core.Symbols?.Describe(a)).Run(image, maxSteps: 2_000_000);

        output.WriteLine($"{result.Core} {result.Program}: {result.Instructions} instructions compared, end {result.End} {result.Message}");
        Assert.True(result.Divergence is null, result.Divergence?.ToString());
        Assert.True(result.End != LockstepEnd.Stopped, result.Message);
        Assert.Equal(LockstepEnd.Done, result.End);
        Assert.True(result.Instructions > 500, $"only {result.Instructions} instructions compared");
    }
}
