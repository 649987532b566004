namespace Rig.Emulation.Tests.Thumb32;

/// <summary>
/// <see cref="Rig.Emulation.Cpu.ArmCore.LowestSp"/> sees the Thumb-2 SP writes too, so the stack
/// high-water needs no per-instruction trace: each snippet moves the SP down by a known amount and back.
/// </summary>
public class StackPointerTests
{
    const uint Top = Thumb32Machine.SramBase + 0x8000;

    [Theory]
    [InlineData("sub.w sp, sp, #0x40\nadd.w sp, sp, #0x40", 0x40u)]
    [InlineData("subw sp, sp, #0x104\naddw sp, sp, #0x104", 0x104u)]
    [InlineData("push.w {r4-r11, lr}\npop.w {r4-r11, lr}", 36u)]
    [InlineData("stmdb sp!, {r0-r3}\nldmia sp!, {r0-r3}", 16u)]
    [InlineData("str r0, [sp, #-8]!\nldr r0, [sp], #8", 8u)]
    [InlineData("strd r0, r1, [sp, #-24]!\nadd sp, sp, #24", 24u)]
    [InlineData(".fpu fpv4-sp-d16\nmovw r0, #0xED88\nmovt r0, #0xE000\nmov.w r1, #0xF00000\nstr r1, [r0]\nvpush {s0-s3}\nvpop {s0-s3}", 16u)] // CPACR grants CP10/CP11 first
    public void The_lowest_sp_is_the_deepest_thumb2_write(string source, uint depth)
    {
        var m = Thumb32Machine.Execute(source);
        Assert.Equal(Top, m.R[13]);
        Assert.Equal(Top - depth, m.Core.LowestSp);
    }

    [Fact]
    public void Reset_starts_the_lowest_sp_at_the_initial_sp()
    {
        var m = new Thumb32Machine("nop");
        Assert.Equal(Top, m.Core.LowestSp);
    }
}
