namespace Rig.Emulation.Tests.Thumb32;

/// <summary>FPv4-SP (coprocessors 10/11): the CPACR gate, register transfers, loads/stores and single-precision arithmetic.</summary>
public class FloatingPointTests
{
    const uint Ram = Thumb32Machine.SramBase;
    const uint CpacrAddress = 0xE000_ED88;

    static Thumb32Machine Machine(string asm, bool enable = true)
    {
        var m = new Thumb32Machine(".fpu fpv4-sp-d16\n" + asm);
        if (enable) m.Map.Write32(CpacrAddress, 0xF << 20); // CP10 and CP11 full access
        m.R[1] = Ram + 0x100;
        return m;
    }

    static uint Bits(float f) => BitConverter.SingleToUInt32Bits(f);

    [Fact]
    public void Fpu_instruction_with_cpacr_clear_is_a_nocp_usage_fault()
    {
        var m = Machine("vmov s0, r0", enable: false);
        m.StepToFault();
        Assert.Equal(Thumb32Machine.CfsrNoCoprocessor, m.Core.Scs.Cfsr);
    }

    [Fact]
    public void Privileged_only_access_faults_in_unprivileged_thread_mode()
    {
        var m = Machine("vmov s0, r0", enable: false);
        m.Map.Write32(CpacrAddress, 0x5 << 20); // CP10, CP11 = 01: privileged only
        m.Core.Control = 1; // nPRIV
        m.StepToFault();
        Assert.Equal(Thumb32Machine.CfsrNoCoprocessor, m.Core.Scs.Cfsr);
        m = Machine("vmov s0, r0", enable: false);
        m.Map.Write32(CpacrAddress, 0x5 << 20);
        m.Step(); // privileged thread mode
        Assert.Equal(4u, m.Core.Control & 4); // FPCA: an FP context is live (FPCCR.ASPEN)
    }

    [Fact]
    public void Vmov_between_core_and_extension_registers()
    {
        var m = Machine("vmov s3, r0\nvmov r2, s3\nvmov s4, s5, r0, r5\nvmov r6, r7, d2\nvmov.f32 s8, #-0.125\nvmov.f32 s9, s3");
        m.R[0] = 0x12345678; m.R[5] = 0x9ABCDEF0;
        m.Run();
        Assert.Equal(0x12345678u, m.R[2]);
        Assert.Equal((0x12345678u, 0x9ABCDEF0u), (m.Core.S[4], m.Core.S[5]));
        Assert.Equal((0x12345678u, 0x9ABCDEF0u), (m.R[6], m.R[7])); // d2 = s5:s4
        Assert.Equal(0xBE000000u, m.Core.S[8]); // VFPExpandImm(0xC0)
        Assert.Equal(0x12345678u, m.Core.S[9]);
    }

    [Fact]
    public void Vldr_vstr_vpush_vpop()
    {
        var m = Machine("vldr s0, [r1, #4]\nvldr d1, [r1, #8]\nvstr s0, [r1, #-4]\nvpush {s0-s3}\nvpop {s4-s7}\nvstmia r1!, {s2, s3}");
        m.Map.Write32(Ram + 0x104, 0x3F800000);
        m.Map.Write32(Ram + 0x108, 0x11111111);
        m.Map.Write32(Ram + 0x10C, 0x22222222);
        uint sp = m.R[13];
        m.Run();
        Assert.Equal(0x3F800000u, m.Core.S[0]);
        Assert.Equal((0x11111111u, 0x22222222u), (m.Core.S[2], m.Core.S[3]));
        Assert.Equal(0x3F800000u, m.Map.Read32(Ram + 0xFC));
        Assert.Equal(sp, m.R[13]);
        Assert.Equal(m.Core.S[0..4], m.Core.S[4..8]);
        Assert.Equal(0x11111111u, m.Map.Read32(Ram + 0x100));
        Assert.Equal(Ram + 0x108, m.R[1]);
    }

    [Theory]
    [InlineData("vadd.f32 s0, s1, s2", 1.5f, 2.25f, 0f, 3.75f)]
    [InlineData("vsub.f32 s0, s1, s2", 1.5f, 2.25f, 0f, -0.75f)]
    [InlineData("vmul.f32 s0, s1, s2", 1.5f, -4f, 0f, -6f)]
    [InlineData("vnmul.f32 s0, s1, s2", 1.5f, -4f, 0f, 6f)]
    [InlineData("vdiv.f32 s0, s1, s2", 1f, 4f, 0f, 0.25f)]
    [InlineData("vmla.f32 s0, s1, s2", 2f, 3f, 10f, 16f)] // d + n*m
    [InlineData("vmls.f32 s0, s1, s2", 2f, 3f, 10f, 4f)] // d - n*m
    [InlineData("vnmla.f32 s0, s1, s2", 2f, 3f, 10f, -16f)] // -d - n*m
    [InlineData("vnmls.f32 s0, s1, s2", 2f, 3f, 10f, -4f)] // -d + n*m
    [InlineData("vfma.f32 s0, s1, s2", 2f, 3f, 10f, 16f)]
    [InlineData("vfms.f32 s0, s1, s2", 2f, 3f, 10f, 4f)]
    [InlineData("vfnma.f32 s0, s1, s2", 2f, 3f, 10f, -16f)]
    [InlineData("vfnms.f32 s0, s1, s2", 2f, 3f, 10f, -4f)]
    [InlineData("vabs.f32 s0, s1", -2.5f, 0f, 0f, 2.5f)]
    [InlineData("vneg.f32 s0, s1", 2.5f, 0f, 0f, -2.5f)]
    [InlineData("vsqrt.f32 s0, s1", 6.25f, 0f, 0f, 2.5f)]
    public void Arithmetic(string asm, float s1, float s2, float s0, float expected)
    {
        var m = Machine(asm);
        m.Core.S[0] = Bits(s0); m.Core.S[1] = Bits(s1); m.Core.S[2] = Bits(s2);
        m.Run();
        Assert.Equal(Bits(expected), m.Core.S[0]);
    }

    [Theory]
    [InlineData("vcvt.s32.f32 s0, s1", -2.75f, 0xFFFFFFFEu)] // toward zero
    [InlineData("vcvt.s32.f32 s0, s1", 3e9f, 0x7FFFFFFFu)] // saturates
    [InlineData("vcvt.u32.f32 s0, s1", -1f, 0u)]
    [InlineData("vcvt.u32.f32 s0, s1", 3e9f, 3000000000u)]
    public void Float_to_integer(string asm, float value, uint expected)
    {
        var m = Machine(asm);
        m.Core.S[1] = Bits(value);
        m.Run();
        Assert.Equal(expected, m.Core.S[0]);
    }

    [Fact]
    public void Integer_to_float()
    {
        var m = Machine("vcvt.f32.s32 s0, s1\nvcvt.f32.u32 s2, s1");
        m.Core.S[1] = 0xFFFFFFFF;
        m.Run();
        Assert.Equal(Bits(-1f), m.Core.S[0]);
        Assert.Equal(Bits(4294967296f), m.Core.S[2]);
    }

    [Theory]
    [InlineData(1f, 2f, false, true, false, false)] // less: N
    [InlineData(2f, 2f, false, false, true, true)] // equal: Z C
    [InlineData(3f, 2f, false, false, true, false)] // greater: C
    [InlineData(float.NaN, 2f, false, false, true, true)] // unordered: C V
    public void Vcmp_sets_fpscr_and_vmrs_copies_it_to_apsr(float x, float y, bool _, bool n, bool c, bool zOrV)
    {
        var m = Machine("vcmp.f32 s0, s1\nvmrs APSR_nzcv, fpscr\nvmrs r0, fpscr");
        m.Core.S[0] = Bits(x); m.Core.S[1] = Bits(y);
        m.Run();
        Assert.Equal(m.R[0] >> 28, (m.Core.N ? 8u : 0) | (m.Core.Z ? 4u : 0) | (m.Core.C ? 2u : 0) | (m.Core.V ? 1u : 0));
        Assert.Equal(n, m.Core.N);
        Assert.Equal(c, m.Core.C);
        Assert.Equal(zOrV, m.Core.Z || m.Core.V);
        Assert.False(m.Core.Z && m.Core.V);
    }

    [Fact]
    public void Vmsr_writes_fpscr()
    {
        var m = Machine("vmsr fpscr, r0\nvmrs r1, fpscr");
        m.R[0] = 0xFFFFFFFF;
        m.Run();
        Assert.Equal(0xF7C0009Fu, m.R[1]); // the bits FPv4-SP has
    }

    [Theory]
    [InlineData("vcvtb.f32.f16 s0, s1")] // half precision
    [InlineData("vcvt.f32.s32 s0, s0, #16")] // fixed point
    [InlineData("vcvtr.s32.f32 s0, s1")] // FPSCR rounding mode
    [InlineData(".hword 0xEE30, 0x0B01")] // vadd.f64: no double-precision arithmetic in FPv4-SP
    public void Unmodelled_fp_encodings_answer_false(string asm)
    {
        var m = Machine(asm);
        Assert.False(m.Executor.Execute(m.Core, (ushort)m.Map.Read16(m.Core.Pc), (ushort)m.Map.Read16(m.Core.Pc + 2)));
    }
}
