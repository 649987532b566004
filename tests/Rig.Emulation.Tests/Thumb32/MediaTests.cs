namespace Rig.Emulation.Tests.Thumb32;

/// <summary>
/// The ARMv7E-M DSP extension: saturating add/subtract (Q), parallel add/subtract (GE), SEL,
/// CLZ/RBIT/REV*, extends with rotation (A5.3.12-A5.3.15).
/// </summary>
public class MediaTests
{
    /// <summary>r0 = op(r1, r2, r3) with GE preset to <paramref name="geIn"/>; GE and Q afterwards.</summary>
    [Theory]
    [InlineData("qadd r0, r1, r2", 0x7FFFFFFFu, 1u, 0u, 0u, 0x7FFFFFFFu, 0u, true)]
    [InlineData("qadd r0, r1, r2", 0xFFFFFFFFu, 0xFFFFFFFFu, 0u, 0u, 0xFFFFFFFEu, 0u, false)]
    [InlineData("qsub r0, r1, r2", 0x80000000u, 1u, 0u, 0u, 0x80000000u, 0u, true)] // Rm - Rn saturates low
    [InlineData("qdadd r0, r1, r2", 1u, 0x40000000u, 0u, 0u, 0x7FFFFFFFu, 0u, true)] // 2 * Rn saturates
    [InlineData("qdsub r0, r1, r2", 0u, 0x20000000u, 0u, 0u, 0xC0000000u, 0u, false)]
    [InlineData("sadd16 r0, r1, r2", 0x7FFF0001u, 0x0001FFFFu, 0u, 0u, 0x80000000u, 0xFu, false)] // 32768 and 0: both >= 0
    [InlineData("sadd16 r0, r1, r2", 0xFFFF0001u, 0xFFFFFFFEu, 0u, 0xFu, 0xFFFEFFFFu, 0u, false)] // -2 and -1
    [InlineData("uadd8 r0, r1, r2", 0x0180FF10u, 0x01800110u, 0u, 0u, 0x02000020u, 0x6u, false)] // lanes 1, 2 carry out
    [InlineData("ssub8 r0, r1, r2", 0x00000005u, 0x01008003u, 0u, 0u, 0xFF008002u, 0x7u, false)] // 2, 128, 0, -1
    [InlineData("usub16 r0, r1, r2", 0x00050003u, 0x00040004u, 0u, 0u, 0x0001FFFFu, 0xCu, false)] // 3-4 borrows
    [InlineData("sasx r0, r1, r2", 0x00050003u, 0x00040001u, 0u, 0u, 0x0006FFFFu, 0xCu, false)] // lo 3-4, hi 5+1
    [InlineData("ssax r0, r1, r2", 0x00050003u, 0x00040001u, 0u, 0u, 0x00040007u, 0xFu, false)] // lo 3+4, hi 5-1
    [InlineData("uasx r0, r1, r2", 0xFFFF0000u, 0x00010001u, 0u, 0u, 0x0000FFFFu, 0xCu, false)] // lo 0-1 borrows, hi 0xFFFF+1 carries
    [InlineData("qadd16 r0, r1, r2", 0x70008000u, 0x70008000u, 0u, 0xAu, 0x7FFF8000u, 0xAu, false)] // no GE, no Q
    [InlineData("uqsub8 r0, r1, r2", 0x10203040u, 0x20104030u, 0u, 0u, 0x00100010u, 0u, false)]
    [InlineData("uqadd16 r0, r1, r2", 0xFFF00001u, 0x00200001u, 0u, 0u, 0xFFFF0002u, 0u, false)]
    [InlineData("qsub8 r0, r1, r2", 0x80000000u, 0x01000000u, 0u, 0u, 0x80000000u, 0u, false)] // -128 - 1 saturates
    [InlineData("shadd16 r0, r1, r2", 0x7FFFFFFFu, 0x0001FFFDu, 0u, 0u, 0x4000FFFEu, 0u, false)] // 32768/2, -4/2
    [InlineData("uhsub16 r0, r1, r2", 0x00000010u, 0x00020004u, 0u, 0u, 0xFFFF0006u, 0u, false)] // (0-2)/2, (16-4)/2
    [InlineData("uhadd8 r0, r1, r2", 0xFF010203u, 0xFF030201u, 0u, 0u, 0xFF020202u, 0u, false)]
    [InlineData("sel r0, r1, r2", 0x11223344u, 0xAABBCCDDu, 0u, 0x5u, 0xAA22CC44u, 0x5u, false)] // GE 0101
    [InlineData("clz r0, r1", 0u, 0u, 0u, 0u, 32u, 0u, false)]
    [InlineData("clz r0, r1", 0x00010000u, 0u, 0u, 0u, 15u, 0u, false)]
    [InlineData("rbit r0, r1", 0x12345678u, 0u, 0u, 0u, 0x1E6A2C48u, 0u, false)]
    [InlineData("rev.w r0, r1", 0x11223344u, 0u, 0u, 0u, 0x44332211u, 0u, false)]
    [InlineData("rev16.w r0, r1", 0x11223344u, 0u, 0u, 0u, 0x22114433u, 0u, false)]
    [InlineData("revsh.w r0, r1", 0x000080FFu, 0u, 0u, 0u, 0xFFFFFF80u, 0u, false)] // SignExtend(0xFF):0x80
    [InlineData("sxtab r0, r1, r2, ror #8", 1000u, 0x00008000u, 0u, 0u, 872u, 0u, false)] // 1000 + (-128)
    [InlineData("uxtah r0, r1, r2, ror #16", 1u, 0xFFFF0001u, 0u, 0u, 0x10000u, 0u, false)] // 1 + 0xFFFF
    [InlineData("sxtah r0, r1, r2", 0u, 0x00018000u, 0u, 0u, 0xFFFF8000u, 0u, false)]
    [InlineData("sxtb16 r0, r1", 0x0080007Fu, 0u, 0u, 0u, 0xFF80007Fu, 0u, false)]
    [InlineData("uxtb16 r0, r1, ror #8", 0x11223344u, 0u, 0u, 0u, 0x00110033u, 0u, false)]
    [InlineData("uxtab16 r0, r1, r2", 0x0001FFFFu, 0x00FF0002u, 0u, 0u, 0x01000001u, 0u, false)] // each half wraps on its own
    [InlineData("sxtab16 r0, r1, r2", 0x00010001u, 0x00FF00FEu, 0u, 0u, 0x0000FFFFu, 0u, false)] // lo 1 + -2, hi 1 + -1
    [InlineData("sxth.w r0, r1", 0x00008000u, 0u, 0u, 0u, 0xFFFF8000u, 0u, false)]
    [InlineData("uxtb.w r0, r1", 0x000001FFu, 0u, 0u, 0u, 0xFFu, 0u, false)]
    [InlineData("uxth.w r0, r1, ror #24", 0x00FFEE11u, 0u, 0u, 0u, 0x1100u, 0u, false)] // ror 24: 0xFFEE1100
    public void Computes_lanes_ge_and_q(string asm, uint r1, uint r2, uint r3, uint geIn, uint expected, uint ge, bool q)
    {
        var m = new Thumb32Machine(asm);
        m.R[1] = r1; m.R[2] = r2; m.R[3] = r3; m.Core.GE = geIn;
        m.Run();
        Assert.Equal(expected, m.R[0]);
        Assert.Equal(ge, m.Core.GE);
        Assert.Equal(q, m.Core.Q);
    }

    [Fact]
    public void Q_is_sticky()
    {
        var m = new Thumb32Machine("qadd r0, r1, r2\nqadd r3, r2, r2");
        m.R[1] = 0x7FFFFFFF; m.R[2] = 1;
        m.Run();
        Assert.Equal(2u, m.R[3]);
        Assert.True(m.Core.Q);
    }
}
