namespace Rig.Emulation.Tests.Thumb32;

/// <summary>Multiplies, multiply-accumulates (with Q), long multiplies and divides (A5.3.16, A5.3.17).</summary>
public class MultiplyTests
{
    /// <summary>r0 = op(r1, r2, r3); Q afterwards.</summary>
    [Theory]
    [InlineData("mul.w r0, r1, r2", 7u, 0xFFFFFFFDu, 0u, 0xFFFFFFEBu, false)] // 7 * -3 = -21
    [InlineData("mla r0, r1, r2, r3", 7u, 6u, 100u, 142u, false)]
    [InlineData("mls r0, r1, r2, r3", 7u, 6u, 100u, 58u, false)]
    [InlineData("smulbb r0, r1, r2", 0x0003FFFEu, 0x00050004u, 0u, 0xFFFFFFF8u, false)] // -2 * 4
    [InlineData("smulbt r0, r1, r2", 0x0003FFFEu, 0x00050004u, 0u, 0xFFFFFFF6u, false)] // -2 * 5
    [InlineData("smultb r0, r1, r2", 0x0003FFFEu, 0x00050004u, 0u, 12u, false)] // 3 * 4
    [InlineData("smultt r0, r1, r2", 0x0003FFFEu, 0x00050004u, 0u, 15u, false)] // 3 * 5
    [InlineData("smlabb r0, r1, r2, r3", 0x8000u, 0x8000u, 0x40000000u, 0x80000000u, true)] // 0x40000000 + 0x40000000 overflows
    [InlineData("smlatt r0, r1, r2, r3", 0x00020000u, 0x00030000u, 4u, 10u, false)]
    [InlineData("smulwb r0, r1, r2", 0x00010000u, 0x0000FFFFu, 0u, 0xFFFFFFFFu, false)] // (65536 * -1) >> 16
    [InlineData("smulwt r0, r1, r2", 0x00010000u, 0x00020000u, 0u, 2u, false)]
    [InlineData("smlawb r0, r1, r2, r3", 0x00020000u, 3u, 10u, 16u, false)] // (131072 * 3 + (10 << 16)) >> 16
    [InlineData("smlad r0, r1, r2, r3", 0x00020003u, 0x00040005u, 100u, 123u, false)] // 3*5 + 2*4 + 100
    [InlineData("smladx r0, r1, r2, r3", 0x00020003u, 0x00040005u, 100u, 122u, false)] // 3*4 + 2*5 + 100
    [InlineData("smuad r0, r1, r2", 0x80008000u, 0x80008000u, 0u, 0x80000000u, true)] // 2 * 0x40000000 overflows
    [InlineData("smlsd r0, r1, r2, r3", 0x00020003u, 0x00040005u, 100u, 107u, false)] // 3*5 - 2*4 + 100
    [InlineData("smusd r0, r1, r2", 0x00020003u, 0x00040005u, 0u, 7u, false)]
    [InlineData("smusdx r0, r1, r2", 0x00020003u, 0x00040005u, 0u, 2u, false)] // 3*4 - 2*5
    [InlineData("smmul r0, r1, r2", 0x40000000u, 6u, 0u, 1u, false)] // 0x1_80000000 >> 32
    [InlineData("smmulr r0, r1, r2", 0x40000000u, 6u, 0u, 2u, false)] // rounded
    [InlineData("smmla r0, r1, r2, r3", 0x40000000u, 6u, 10u, 11u, false)]
    [InlineData("smmls r0, r1, r2, r3", 0x40000000u, 6u, 10u, 8u, false)] // (10 << 32) - 0x1_80000000 = 0x8_80000000
    [InlineData("smmlsr r0, r1, r2, r3", 0x40000000u, 6u, 10u, 9u, false)]
    [InlineData("usad8 r0, r1, r2", 0x01FF0310u, 0x02000510u, 0u, 258u, false)] // 1 + 255 + 2 + 0
    [InlineData("usada8 r0, r1, r2, r3", 0x01FF0310u, 0x02000510u, 1000u, 1258u, false)]
    [InlineData("sdiv r0, r1, r2", 7u, 0xFFFFFFFEu, 0u, 0xFFFFFFFDu, false)] // 7 / -2 = -3 (toward zero)
    [InlineData("sdiv r0, r1, r2", 0xFFFFFFF9u, 2u, 0u, 0xFFFFFFFDu, false)] // -7 / 2 = -3
    [InlineData("sdiv r0, r1, r2", 0x80000000u, 0xFFFFFFFFu, 0u, 0x80000000u, false)] // INT_MIN / -1 = INT_MIN
    [InlineData("sdiv r0, r1, r2", 5u, 0u, 0u, 0u, false)] // / 0 = 0 (CCR.DIV_0_TRP clear)
    [InlineData("udiv r0, r1, r2", 0xFFFFFFFFu, 2u, 0u, 0x7FFFFFFFu, false)]
    [InlineData("udiv r0, r1, r2", 0xFFFFFFFFu, 0u, 0u, 0u, false)]
    public void Computes_the_product(string asm, uint r1, uint r2, uint r3, uint expected, bool q)
    {
        var m = new Thumb32Machine(asm);
        m.R[1] = r1; m.R[2] = r2; m.R[3] = r3; m.R[0] = 0xDEADDEAD;
        (m.Core.N, m.Core.Z, m.Core.C, m.Core.V) = (true, false, true, false);
        m.Run();
        Assert.Equal(expected, m.R[0]);
        Assert.Equal(q, m.Core.Q);
        Assert.Equal((true, false, true, false), m.Flags); // multiplies and divides leave NZCV alone
    }

    /// <summary>(r1:r0) = op(r2, r3) [+ (r1:r0)].</summary>
    [Theory]
    [InlineData("smull r0, r1, r2, r3", 0u, 0u, 0xFFFFFFFEu, 0x40000000u, 0x80000000u, 0xFFFFFFFFu)] // -2 * 2^30 = -2^31
    [InlineData("umull r0, r1, r2, r3", 0u, 0u, 0xFFFFFFFFu, 0xFFFFFFFFu, 0x00000001u, 0xFFFFFFFEu)]
    [InlineData("smlal r0, r1, r2, r3", 0xFFFFFFFFu, 0u, 1u, 1u, 0u, 1u)] // carry into the high word
    [InlineData("smlal r0, r1, r2, r3", 0u, 0u, 0xFFFFFFFFu, 1u, 0xFFFFFFFFu, 0xFFFFFFFFu)] // -1
    [InlineData("umlal r0, r1, r2, r3", 0u, 1u, 0xFFFFFFFFu, 2u, 0xFFFFFFFEu, 2u)] // 2^32 + 0x1_FFFFFFFE
    [InlineData("umaal r0, r1, r2, r3", 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu, 0xFFFFFFFFu)] // the maximum: no overflow
    [InlineData("smlalbb r0, r1, r2, r3", 0u, 0u, 0x0000FFFFu, 1u, 0xFFFFFFFFu, 0xFFFFFFFFu)] // -1 * 1
    [InlineData("smlaltb r0, r1, r2, r3", 5u, 0u, 0x00030000u, 4u, 17u, 0u)] // 5 + 3*4
    [InlineData("smlald r0, r1, r2, r3", 0xFFFFFFFFu, 0u, 0x00010001u, 0x00010001u, 1u, 1u)] // 0xFFFFFFFF + 2
    [InlineData("smlsld r0, r1, r2, r3", 5u, 0u, 0x00020003u, 0x00040005u, 12u, 0u)] // 5 + 15 - 8
    [InlineData("smlsldx r0, r1, r2, r3", 0u, 0u, 0x00020003u, 0x00040005u, 2u, 0u)] // 3*4 - 2*5
    public void Long_multiplies_fill_both_words(string asm, uint lo, uint hi, uint r2, uint r3, uint expectedLo, uint expectedHi)
    {
        var m = new Thumb32Machine(asm);
        m.R[0] = lo; m.R[1] = hi; m.R[2] = r2; m.R[3] = r3;
        m.Run();
        Assert.Equal((expectedLo, expectedHi), (m.R[0], m.R[1]));
    }

    [Fact]
    public void Divide_by_zero_traps_when_ccr_div_0_trp_is_set()
    {
        var m = new Thumb32Machine("udiv r0, r1, r2");
        m.Map.Write32(0xE000_ED14, 0x210); // CCR: STKALIGN | DIV_0_TRP
        m.R[1] = 5;
        m.StepToFault();
        Assert.Equal(Thumb32Machine.CfsrDivideByZero, m.Core.Scs.Cfsr);
    }
}
