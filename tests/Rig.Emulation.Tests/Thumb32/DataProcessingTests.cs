namespace Rig.Emulation.Tests.Thumb32;

/// <summary>
/// Data processing with a modified immediate (ThumbExpandImm_C), a plain binary immediate, a
/// shifted register and shifts by register (DDI 0403E A5.3.1, A5.3.3, A5.3.11, A5.3.12). Expected
/// values are worked out by hand from the pseudocode; the comment on each case says how.
/// </summary>
public class DataProcessingTests
{
    /// <summary>r0 = instruction(r1, r2, r3) with flags left as they were (C preset to <paramref name="carry"/>).</summary>
    [Theory]
    [InlineData("mov.w r0, #0x00AB00AB", 0u, 0u, 0u, false, 0x00AB00ABu)] // imm12 = 0001 imm8: 00 imm8 00 imm8
    [InlineData("mov.w r0, #0xAB00AB00", 0u, 0u, 0u, false, 0xAB00AB00u)] // 0010: imm8 00 imm8 00
    [InlineData("mov.w r0, #0xABABABAB", 0u, 0u, 0u, false, 0xABABABABu)] // 0011: imm8 x4
    [InlineData("mov.w r0, #0x3FC00", 0u, 0u, 0u, false, 0x3FC00u)] // 0xFF rotated right by 22
    [InlineData("rsb.w r0, r1, #0", 5u, 0u, 0u, false, 0xFFFFFFFBu)] // 0 - 5
    [InlineData("sbc.w r0, r1, #1", 10u, 0u, 0u, false, 8u)] // 10 - 1 - NOT(C=0)
    [InlineData("adc.w r0, r1, r2", 1u, 2u, 0u, true, 4u)] // 1 + 2 + C
    [InlineData("orn.w r0, r1, #0xFF", 0x00001200u, 0u, 0u, false, 0xFFFFFF00u)] // r1 | ~0xFF
    [InlineData("bic.w r0, r1, #0xF0", 0xFFu, 0u, 0u, false, 0x0Fu)]
    [InlineData("eor.w r0, r1, r2, ror #8", 0xFFu, 0x000000FFu, 0u, false, 0xFF0000FFu)] // 0xFF ^ ror(0xFF, 8) = 0xFF ^ 0xFF000000
    [InlineData("add.w r0, r1, r2, lsl #3", 1u, 2u, 0u, false, 17u)] // 1 + (2 << 3)
    [InlineData("sub.w r0, r1, r2, asr #1", 0u, 0xFFFFFFFCu, 0u, false, 2u)] // 0 - (-4 >> 1)
    [InlineData("mvn.w r0, r1, lsr #4", 0xF0u, 0u, 0u, false, 0xFFFFFFF0u)] // ~(0xF0 >> 4)
    [InlineData("pkhbt r0, r1, r2, lsl #16", 0x1111AAAAu, 0x0000BBBBu, 0u, false, 0xBBBBAAAAu)] // top of (r2 << 16), bottom of r1
    [InlineData("pkhtb r0, r1, r2, asr #16", 0xAAAA1111u, 0xBBBB0000u, 0u, false, 0xAAAABBBBu)] // top of r1, bottom of (r2 asr 16)
    [InlineData("addw r0, r1, #0xFFF", 0x1000u, 0u, 0u, false, 0x1FFFu)]
    [InlineData("subw r0, r1, #0xFFF", 0x1000u, 0u, 0u, false, 1u)]
    [InlineData("ssat r0, #8, r1", 300u, 0u, 0u, false, 127u)]
    [InlineData("ssat r0, #8, r1", 0xFFFFFED4u, 0u, 0u, false, 0xFFFFFF80u)] // -300 -> -128
    [InlineData("ssat r0, #16, r1, lsl #4", 0x1000u, 0u, 0u, false, 0x7FFFu)] // 0x10000 -> 32767
    [InlineData("usat r0, #8, r1, asr #2", 400u, 0u, 0u, false, 100u)]
    [InlineData("usat r0, #8, r1, asr #2", 0xFFFFFFFCu, 0u, 0u, false, 0u)] // -4 >> 2 = -1 -> 0
    [InlineData("ssat16 r0, #8, r1", 0x0100FF00u, 0u, 0u, false, 0x007FFF80u)] // 256 -> 127, -256 -> -128
    [InlineData("usat16 r0, #8, r1", 0xFFFF0100u, 0u, 0u, false, 0x000000FFu)] // -1 -> 0, 256 -> 255
    [InlineData("sbfx r0, r1, #4, #8", 0x00000F80u, 0u, 0u, false, 0xFFFFFFF8u)] // bits 11:4 = 0xF8, sign-extended
    [InlineData("ubfx r0, r1, #4, #8", 0x00000F80u, 0u, 0u, false, 0xF8u)]
    [InlineData("ubfx r0, r1, #0, #32", 0x89ABCDEFu, 0u, 0u, false, 0x89ABCDEFu)]
    [InlineData("lsl.w r0, r1, r2", 1u, 0x101u, 0u, false, 2u)] // only Rm[7:0] counts: shift by 1
    [InlineData("asr.w r0, r1, r2", 0x80000000u, 40u, 0u, false, 0xFFFFFFFFu)]
    [InlineData("ror.w r0, r1, r2", 0x12345678u, 36u, 0u, false, 0x81234567u)] // 36 mod 32 = 4
    public void Computes_the_result(string asm, uint r1, uint r2, uint r3, bool carry, uint expected)
    {
        var m = new Thumb32Machine(asm);
        m.R[1] = r1; m.R[2] = r2; m.R[3] = r3; m.Core.C = carry;
        m.Run();
        Assert.Equal(expected, m.R[0]);
        Assert.Equal(carry, m.Core.C);
    }

    /// <summary>Flags N Z C V after an S instruction; C comes from the expander/shifter for logical ops.</summary>
    [Theory]
    [InlineData("movs.w r0, #0x80000000", 0u, 0u, false, true, false, true, false)] // rotated constant: C = bit 31
    [InlineData("movs.w r0, #0xFF", 0u, 0u, true, false, false, true, false)] // unrotated: C unchanged (1)
    [InlineData("ands.w r0, r1, #0xFF", 0xF00u, 0u, false, false, true, false, false)]
    [InlineData("tst.w r1, #0x80000000", 0x80000000u, 0u, false, true, false, true, false)]
    [InlineData("teq.w r1, #0x80000000", 0x80000000u, 0u, false, false, true, true, false)] // rotated constant: C = 1
    [InlineData("adds.w r0, r1, #1", 0x7FFFFFFFu, 0u, false, true, false, false, true)] // signed overflow
    [InlineData("subs.w r0, r1, #1", 0u, 0u, true, true, false, false, false)] // borrow: C = 0
    [InlineData("cmp.w r1, #0x100", 0x100u, 0u, false, false, true, true, false)]
    [InlineData("cmn.w r1, r2", 0xFFFFFFFFu, 1u, false, false, true, true, false)]
    [InlineData("cmp.w r1, r2, lsl #1", 0x80000000u, 0x40000000u, false, false, true, true, false)]
    [InlineData("lsrs.w r0, r1, #32", 0x80000001u, 0u, false, false, true, true, false)] // imm5 = 0 means 32: C = bit 31
    [InlineData("asrs.w r0, r1, #32", 0x80000000u, 0u, false, true, false, true, false)]
    [InlineData("lsls.w r0, r1, #1", 0x80000000u, 0u, false, false, true, true, false)]
    [InlineData("rors.w r0, r1, #4", 0x1Fu, 0u, false, true, false, true, false)] // 0xF0000001: C = bit 31
    [InlineData("rrxs r0, r1", 2u, 0u, true, true, false, false, false)] // C into bit 31, bit 0 into C
    [InlineData("lsls.w r0, r1, r2", 1u, 32u, false, false, true, true, false)] // by 32: C = bit 0
    [InlineData("lsls.w r0, r1, r2", 1u, 33u, true, false, true, false, false)] // by 33: 0 and C = 0
    [InlineData("lsrs.w r0, r1, r2", 0x80000000u, 0u, true, true, false, true, false)] // by 0: C unchanged
    [InlineData("rors.w r0, r1, r2", 0x80000000u, 32u, false, true, false, true, false)] // by 32: value kept, C = bit 31
    [InlineData("asrs.w r0, r1, r2", 0x40000000u, 31u, false, false, true, true, false)] // 0x40000000 >> 31 = 0, C = bit 30
    public void Sets_the_flags(string asm, uint r1, uint r2, bool carryIn, bool n, bool z, bool c, bool v)
    {
        var m = new Thumb32Machine(asm);
        m.R[1] = r1; m.R[2] = r2; m.Core.C = carryIn;
        m.Run();
        Assert.Equal((n, z, c, v), m.Flags);
    }

    [Fact]
    public void Ssat_sets_q_only_when_it_saturates()
    {
        var m = Thumb32Machine.Execute("ssat r0, #8, r1", (1, 100));
        Assert.Equal(100u, m.R[0]);
        Assert.False(m.Core.Q);
        m = Thumb32Machine.Execute("usat r0, #4, r1", (1, 16));
        Assert.Equal(15u, m.R[0]);
        Assert.True(m.Core.Q);
    }

    [Fact]
    public void Movw_movt_build_a_constant()
    {
        var m = Thumb32Machine.Execute("movw r0, #0xBEEF\nmovt r0, #0xDEAD");
        Assert.Equal(0xDEADBEEFu, m.R[0]);
    }

    [Fact]
    public void Adr_uses_the_word_aligned_pc()
    {
        // adr.w at 0x1000, nop.w at 0x1004, label at 0x1008: Align(0x1004, 4) + 4
        var m = new Thumb32Machine("adr.w r0, lbl\nnop.w\nlbl: .word 0");
        m.Step();
        Assert.Equal(0x1008u, m.R[0]);
        // backwards: at 0x1004, Align(0x1008, 4) - 8 = 0x1000 (ADR T2, the subtract form)
        m = Thumb32Machine.Execute("lbl2: nop.w\nadr.w r0, lbl2");
        Assert.Equal(0x1000u, m.R[0]);
    }

    [Fact]
    public void Bfi_and_bfc_touch_only_their_field()
    {
        var m = Thumb32Machine.Execute("bfi r0, r1, #8, #4", (0, 0xFFFFFFFF), (1, 0x5));
        Assert.Equal(0xFFFFF5FFu, m.R[0]);
        m = Thumb32Machine.Execute("bfc r0, #0, #16", (0, 0x12345678));
        Assert.Equal(0x12340000u, m.R[0]);
        m = Thumb32Machine.Execute("bfi r0, r1, #0, #32", (0, 0xFFFFFFFF), (1, 0x13572468));
        Assert.Equal(0x13572468u, m.R[0]);
    }
}
