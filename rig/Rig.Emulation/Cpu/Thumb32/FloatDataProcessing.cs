namespace Rig.Emulation.Cpu.Thumb32;

// A6.4 floating-point data processing, single precision, round to nearest (FPSCR reset modes).
public sealed partial class Thumb2Executor
{
    static bool FloatDataProcessing(ArmCore core, uint a, uint b)
    {
        int d = (int)(((b >> 12) & 0xF) << 1 | (a >> 6) & 1);
        int n = (int)((a & 0xF) << 1 | (b >> 7) & 1);
        int m = (int)((b & 0xF) << 1 | (b >> 5) & 1);
        bool op = (b & 0x40) != 0; // opc3<0>
        float sn = F(core.S[n]), sm = F(core.S[m]), sd = F(core.S[d]);
        float result;
        switch ((a >> 4) & 0xB) // opc1 = hw1 bits 7, 5, 4 (bit 6 is D)
        {
            case 0x0: result = op ? sd - sn * sm : sd + sn * sm; break; // VMLA, VMLS (product rounded first)
            case 0x1: result = op ? -sd - sn * sm : -sd + sn * sm; break; // VNMLA (op = 1), VNMLS
            case 0x2: result = op ? -(sn * sm) : sn * sm; break; // VNMUL, VMUL
            case 0x3: result = op ? sn - sm : sn + sm; break; // VSUB, VADD
            case 0x8: if (op) return false; result = sn / sm; break; // VDIV
            case 0x9: result = op ? MathF.FusedMultiplyAdd(-sn, sm, -sd) : MathF.FusedMultiplyAdd(sn, sm, -sd); break; // VFNMA (op = 1), VFNMS
            case 0xA: result = op ? MathF.FusedMultiplyAdd(-sn, sm, sd) : MathF.FusedMultiplyAdd(sn, sm, sd); break; // VFMS, VFMA
            case 0xB: return FloatOther(core, a, b, d, m, op);
            default: return false;
        }
        core.S[d] = Bits(result);
        RetireFloat(core);
        return true;
    }

    /// <summary>VMOV (immediate, register), VABS, VNEG, VSQRT, VCMP{E}, VCVT between F32 and 32-bit integers.</summary>
    static bool FloatOther(ArmCore core, uint a, uint b, int d, int m, bool op)
    {
        uint sm = core.S[m];
        if (!op)
        {
            // VMOV.F32 Sd, #imm: VFPExpandImm of imm4H:imm4L (A6.4.1)
            uint imm8 = (a & 0xF) << 4 | (b & 0xF);
            uint sign = imm8 >> 7, b6 = (imm8 >> 6) & 1;
            uint exponent = (b6 ^ 1) << 7 | (b6 != 0 ? 0x7Cu : 0) | ((imm8 >> 4) & 3);
            core.S[d] = sign << 31 | exponent << 23 | (imm8 & 0xF) << 19;
            RetireFloat(core);
            return true;
        }
        bool top = (b & 0x80) != 0; // opc3<1>
        switch (a & 0xF) // opc2
        {
            case 0x0: core.S[d] = top ? sm & 0x7FFF_FFFF : sm; break; // VABS, VMOV register
            case 0x1: core.S[d] = top ? Bits(MathF.Sqrt(F(sm))) : sm ^ 0x8000_0000; break; // VSQRT, VNEG
            case 0x4:
            case 0x5:
                Compare(core, F(core.S[d]), (a & 1) != 0 ? 0f : F(sm));
                break;
            case 0x8: // VCVT.F32.S32 (op = opc3<1>) / VCVT.F32.U32 from the integer in Sm
                core.S[d] = Bits(top ? (float)(int)sm : (float)sm);
                break;
            case 0xC: // VCVT{R}.U32.F32
            case 0xD: // VCVT{R}.S32.F32
                if (!top) return false; // VCVTR: FPSCR rounding, not modelled
                core.S[d] = (a & 1) != 0 ? (uint)ToInt32(F(sm)) : ToUInt32(F(sm));
                break;
            default:
                return false;
        }
        RetireFloat(core);
        return true;
    }

    /// <summary>FPSCR NZCV of a comparison (A2.5.6): equal 0110, less 1000, greater 0010, unordered 0011.</summary>
    static void Compare(ArmCore core, float x, float y)
    {
        uint nzcv = float.IsNaN(x) || float.IsNaN(y) ? 0x3u : x == y ? 0x6u : x < y ? 0x8u : 0x2u;
        core.Fpscr = (core.Fpscr & 0x0FFF_FFFF) | nzcv << 28;
    }

    /// <summary>FPToFixed with round toward zero, saturating; NaN converts to 0 (A2.5.8).</summary>
    static int ToInt32(float value) =>
        float.IsNaN(value) ? 0 : value >= 2147483648f ? int.MaxValue : value <= -2147483648f ? int.MinValue : (int)MathF.Truncate(value);

    static uint ToUInt32(float value) =>
        float.IsNaN(value) || value <= 0f ? 0 : value >= 4294967296f ? uint.MaxValue : (uint)MathF.Truncate(value);

    static float F(uint bits) => BitConverter.UInt32BitsToSingle(bits);
    static uint Bits(float value) => BitConverter.SingleToUInt32Bits(value);
}
