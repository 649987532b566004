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
        uint result;
        switch ((a >> 4) & 0xB) // opc1 = hw1 bits 7, 5, 4 (bit 6 is D)
        {
            case 0x0: // VMLA, VMLS: the product is rounded, then the sum (two roundings)
            case 0x1: // VNMLA (op = 1), VNMLS
            {
                float product = F(Multiply(core, sn, sm));
                bool negateD = ((a >> 4) & 1) != 0;
                bool subtract = op; // VMLS, VNMLA: FPNeg of the product (a NaN product flips sign too)
                result = Add(core, negateD ? -sd : sd, subtract ? -product : product);
                break;
            }
            case 0x2: result = Multiply(core, sn, sm); if (op) result ^= 0x8000_0000; break; // VNMUL, VMUL
            case 0x3: result = ProcessNaNs(core, sn, sm) ?? Add(core, sn, op ? -sm : sm); break; // VSUB (FPSub: a NaN Sm keeps its sign), VADD
            case 0x8: if (op) return false; result = Divide(core, sn, sm); break; // VDIV
            case 0x9: result = Fused(core, op ? -sn : sn, sm, -sd); break; // VFNMA (op = 1), VFNMS
            case 0xA: result = Fused(core, op ? -sn : sn, sm, sd); break; // VFMS (op = 1), VFMA
            case 0xB: return FloatOther(core, a, b, d, m, op);
            default: return false;
        }
        core.S[d] = result;
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
            case 0x1: core.S[d] = top ? SquareRoot(core, F(sm)) : sm ^ 0x8000_0000; break; // VSQRT, VNEG
            case 0x4:
            case 0x5:
                Compare(core, core.S[d], (a & 1) != 0 ? 0u : sm, signalOnQuiet: top);
                break;
            case 0x8: // VCVT.F32.S32 (op = opc3<1>) / VCVT.F32.U32 from the integer in Sm
                core.S[d] = FromInteger(core, top ? (int)sm : (long)sm);
                break;
            case 0xC: // VCVT{R}.U32.F32
            case 0xD: // VCVT{R}.S32.F32
                if (!top) return false; // VCVTR: FPSCR rounding, not modelled
                core.S[d] = ToInteger(core, F(sm), signed: (a & 1) != 0);
                break;
            default:
                return false;
        }
        RetireFloat(core);
        return true;
    }

    // FPSCR cumulative exception bits (A2.5.3): IOC, DZC, OFC, UFC, IXC.
    const uint Ioc = 1, Dzc = 2, Ofc = 4, Ufc = 8, Ixc = 16;
    const uint DefaultNaN = 0x7FC0_0000;

    /// <summary>FPProcessNaNs: a signalling NaN operand first (quietened, IOC), then a quiet one; null when neither is a NaN.</summary>
    static uint? ProcessNaNs(ArmCore core, float x, float y, float z = 0f)
    {
        foreach (var v in (ReadOnlySpan<float>)[x, y, z])
            if (float.IsNaN(v) && (Bits(v) & 0x0040_0000) == 0) { core.Fpscr |= Ioc; return Bits(v) | 0x0040_0000; }
        foreach (var v in (ReadOnlySpan<float>)[x, y, z])
            if (float.IsNaN(v)) return Bits(v);
        return null;
    }

    /// <summary>
    /// FPRound of an exact (or double-precision, which is exact or innocuous for these operations)
    /// value to single precision, round to nearest, with OFC/UFC/IXC; an invalid operation gives the default NaN and IOC.
    /// </summary>
    static uint Round(ArmCore core, double exact, bool lostTinyAddend = false)
    {
        if (double.IsNaN(exact)) { core.Fpscr |= Ioc; return DefaultNaN; }
        float f = (float)exact;
        if (float.IsInfinity(f) && !double.IsInfinity(exact)) core.Fpscr |= Ofc | Ixc;
        else if (f != exact || lostTinyAddend)
        {
            core.Fpscr |= Ixc;
            if (Math.Abs(exact) < 1.1754943508222875e-38) core.Fpscr |= Ufc; // tiny before rounding
        }
        return Bits(f);
    }

    static uint Add(ArmCore core, float x, float y)
    {
        if (ProcessNaNs(core, x, y) is { } nan) return nan;
        double sum = (double)x + y;
        // double holds x + y exactly unless one addend is below its last bit; then the result is inexact.
        bool lost = float.IsFinite(x) && float.IsFinite(y) && x != 0 && y != 0 && (sum == x || sum == y);
        return Round(core, sum, lost);
    }

    static uint Multiply(ArmCore core, float x, float y) =>
        ProcessNaNs(core, x, y) ?? Round(core, (double)x * y); // a 24 x 24-bit product is exact in double

    static uint Divide(ArmCore core, float x, float y)
    {
        if (ProcessNaNs(core, x, y) is { } nan) return nan;
        if (y == 0 && float.IsFinite(x) && x != 0) { core.Fpscr |= Dzc; return Bits(x / y); }
        double q = (double)x / y;
        float f = (float)q;
        bool inexact = float.IsFinite(f) && f != 0 && (double)f * y != x;
        return inexact && (float)q == f ? RoundInexact(core, q) : Round(core, q);
    }

    static uint RoundInexact(ArmCore core, double value)
    {
        uint bits = Round(core, value);
        core.Fpscr |= Ixc;
        if (Math.Abs(value) < 1.1754943508222875e-38) core.Fpscr |= Ufc;
        return bits;
    }

    static uint SquareRoot(ArmCore core, float x)
    {
        if (ProcessNaNs(core, x, 0f) is { } nan) return nan;
        if (x < 0) { core.Fpscr |= Ioc; return DefaultNaN; }
        float f = (float)Math.Sqrt(x);
        return float.IsFinite(f) && (double)f * f != x ? RoundInexact(core, Math.Sqrt(x)) : Bits(f);
    }

    static uint Fused(ArmCore core, float x, float y, float addend)
    {
        if (ProcessNaNs(core, addend, x, y) is { } nan) return nan;
        float f = MathF.FusedMultiplyAdd(x, y, addend);
        if (float.IsNaN(f)) { core.Fpscr |= Ioc; return DefaultNaN; }
        double approx = (double)x * y + addend;
        if (float.IsInfinity(f) && !double.IsInfinity(approx)) core.Fpscr |= Ofc | Ixc;
        else if (f != approx) core.Fpscr |= Ixc;
        return Bits(f);
    }

    static uint FromInteger(ArmCore core, long value)
    {
        float f = value;
        if ((long)(double)f != value) core.Fpscr |= Ixc;
        return Bits(f);
    }

    /// <summary>FPToFixed, round toward zero: NaN and out-of-range values saturate with IOC (no IXC); a dropped fraction sets IXC.</summary>
    static uint ToInteger(ArmCore core, float value, bool signed)
    {
        if (float.IsNaN(value)) { core.Fpscr |= Ioc; return 0; }
        double t = Math.Truncate(value);
        double min = signed ? int.MinValue : 0, max = signed ? int.MaxValue : uint.MaxValue;
        if (t < min || t > max) { core.Fpscr |= Ioc; return t < min ? (signed ? 0x8000_0000u : 0) : (signed ? 0x7FFF_FFFFu : uint.MaxValue); }
        if (t != value) core.Fpscr |= Ixc;
        return signed ? (uint)(int)t : (uint)t;
    }

    /// <summary>FPSCR NZCV of a comparison (A2.5.6): equal 0110, less 1000, greater 0010, unordered 0011;
    /// IOC for a signalling NaN, or any NaN with VCMPE.</summary>
    static void Compare(ArmCore core, uint xBits, uint yBits, bool signalOnQuiet)
    {
        float x = F(xBits), y = F(yBits);
        bool unordered = float.IsNaN(x) || float.IsNaN(y);
        if (unordered && (signalOnQuiet || (float.IsNaN(x) && (xBits & 0x0040_0000) == 0) || (float.IsNaN(y) && (yBits & 0x0040_0000) == 0)))
            core.Fpscr |= Ioc;
        uint nzcv = unordered ? 0x3u : x == y ? 0x6u : x < y ? 0x8u : 0x2u;
        core.Fpscr = (core.Fpscr & 0x0FFF_FFFF) | nzcv << 28;
    }

    static float F(uint bits) => BitConverter.UInt32BitsToSingle(bits);
    static uint Bits(float value) => BitConverter.SingleToUInt32Bits(value);
}
