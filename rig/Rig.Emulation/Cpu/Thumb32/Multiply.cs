using System.Numerics;
using Rig.Emulation.Timing;

namespace Rig.Emulation.Cpu.Thumb32;

// A5.3.16 multiply, multiply accumulate and absolute difference; A5.3.17 long multiply, long
// multiply accumulate and divide. Q is set where the pseudocode says so; multiplies never touch NZCV here.
public sealed partial class Thumb2Executor
{
    static bool Multiply(ArmCore core, uint a, uint b)
    {
        if ((b & 0xC0) != 0) return false;
        uint op1 = (a >> 4) & 7, op2 = (b >> 4) & 3;
        int ra = (int)((b >> 12) & 0xF), d = (int)((b >> 8) & 0xF), n = (int)(a & 0xF), m = (int)(b & 0xF);
        bool accumulate = ra != 15;
        uint rn = core.R[n], rm = core.R[m];
        long result;
        switch (op1)
        {
            case 0:
                if (op2 == 0) core.R[d] = accumulate ? core.R[ra] + rn * rm : rn * rm; // MLA, MUL
                else if (op2 == 1 && accumulate) core.R[d] = core.R[ra] - rn * rm; // MLS
                else return false;
                return RetireMultiply(core, accumulate);
            case 1: // SMLA<x><y>, SMUL<x><y>
                result = (long)Half(rn, (op2 & 2) != 0) * Half(rm, (op2 & 1) != 0);
                if (accumulate) result += (int)core.R[ra];
                break;
            case 2: // SMLAD{X}, SMUAD{X}
            case 4: // SMLSD{X}, SMUSD{X}
            {
                if ((op2 & 2) != 0) return false;
                uint operand2 = (op2 & 1) != 0 ? BitOperations.RotateRight(rm, 16) : rm;
                long lo = (long)(short)rn * (short)operand2, hi = (long)(short)(rn >> 16) * (short)(operand2 >> 16);
                result = op1 == 2 ? lo + hi : lo - hi;
                if (accumulate) result += (int)core.R[ra];
                break;
            }
            case 3: // SMLAW<y>, SMULW<y>: the top 32 bits of a 48-bit product
            {
                if ((op2 & 2) != 0) return false;
                long product = (long)(int)rn * Half(rm, (op2 & 1) != 0);
                if (accumulate) product += (long)(int)core.R[ra] << 16;
                result = product >> 16;
                break;
            }
            case 5: // SMMLA{R}, SMMUL{R}
            case 6: // SMMLS{R}
            {
                if ((op2 & 2) != 0 || (op1 == 6 && !accumulate)) return false;
                long product = (long)(int)rn * (int)rm;
                long acc = accumulate ? (long)core.R[ra] << 32 : 0;
                long sum = op1 == 5 ? acc + product : acc - product;
                if ((op2 & 1) != 0) sum += 0x8000_0000;
                core.R[d] = (uint)(sum >> 32);
                return RetireMultiply(core, accumulate);
            }
            case 7: // USADA8, USAD8
            {
                if (op2 != 0) return false;
                uint sum = accumulate ? core.R[ra] : 0;
                for (int shift = 0; shift < 32; shift += 8)
                    sum += (uint)Math.Abs((int)((rn >> shift) & 0xFF) - (int)((rm >> shift) & 0xFF));
                core.R[d] = sum;
                return RetireMultiply(core, accumulate);
            }
            default:
                return false;
        }
        // The signed 16-bit forms: Q when the 32-bit result does not hold the exact one.
        core.R[d] = (uint)result;
        if (result != (int)result) core.Q = true;
        return RetireMultiply(core, accumulate);
    }

    static int Half(uint value, bool top) => top ? (short)(value >> 16) : (short)value;

    static bool RetireMultiply(ArmCore core, bool accumulate)
    {
        core.Retire(new Retired(accumulate ? OpClass.MultiplyAccumulate : OpClass.Multiply));
        return true;
    }

    static bool LongMultiplyDivide(ArmCore core, uint a, uint b)
    {
        uint op1 = (a >> 4) & 7, op2 = (b >> 4) & 0xF;
        int lo = (int)((b >> 12) & 0xF), hi = (int)((b >> 8) & 0xF), n = (int)(a & 0xF), m = (int)(b & 0xF);
        uint rn = core.R[n], rm = core.R[m];
        ulong accumulator = (ulong)core.R[hi] << 32 | core.R[lo];
        ulong result;
        bool accumulate = true;
        switch (op1)
        {
            case 0 when op2 == 0: result = (ulong)((long)(int)rn * (int)rm); accumulate = false; break; // SMULL
            case 2 when op2 == 0: result = (ulong)rn * rm; accumulate = false; break; // UMULL
            case 1 when op2 == 0xF: return Divide(core, hi, rn, rm, signed: true);
            case 3 when op2 == 0xF: return Divide(core, hi, rn, rm, signed: false);
            case 4 when op2 == 0: result = accumulator + (ulong)((long)(int)rn * (int)rm); break; // SMLAL
            case 4 when (op2 & 0xC) == 8: // SMLAL<x><y>
                result = accumulator + (ulong)((long)Half(rn, (op2 & 2) != 0) * Half(rm, (op2 & 1) != 0));
                break;
            case 4 when (op2 & 0xE) == 0xC: // SMLALD{X}
            case 5 when (op2 & 0xE) == 0xC: // SMLSLD{X}
            {
                uint operand2 = (op2 & 1) != 0 ? BitOperations.RotateRight(rm, 16) : rm;
                long pLo = (long)(short)rn * (short)operand2, pHi = (long)(short)(rn >> 16) * (short)(operand2 >> 16);
                result = accumulator + (ulong)(op1 == 4 ? pLo + pHi : pLo - pHi);
                break;
            }
            case 6 when op2 == 0: result = accumulator + (ulong)rn * rm; break; // UMLAL
            case 6 when op2 == 6: result = (ulong)rn * rm + core.R[lo] + core.R[hi]; break; // UMAAL
            default: return false;
        }
        if (lo == hi) return false; // UNPREDICTABLE: RdHi == RdLo
        core.R[lo] = (uint)result;
        core.R[hi] = (uint)(result >> 32);
        core.Retire(new Retired(accumulate ? OpClass.MultiplyAccumulateLong : OpClass.MultiplyLong));
        return true;
    }

    /// <summary>SDIV/UDIV: round toward zero; x/0 = 0 unless CCR.DIV_0_TRP (B3.2.8); INT_MIN/-1 = INT_MIN.</summary>
    static bool Divide(ArmCore core, int d, uint rn, uint rm, bool signed)
    {
        uint result;
        if (rm == 0)
        {
            if (CoreBridge.DivideByZeroTraps(core)) return CoreBridge.UsageFault(core, FaultKind.DivideByZero);
            result = 0;
        }
        else if (!signed) result = rn / rm;
        else if (rn == 0x8000_0000 && rm == 0xFFFF_FFFF) result = rn;
        else result = (uint)((int)rn / (int)rm);
        core.R[d] = result;
        // The cycle model's early termination looks at the magnitudes of dividend and divisor.
        uint dividend = signed && (int)rn < 0 ? 0u - rn : rn, divisor = signed && (int)rm < 0 ? 0u - rm : rm;
        core.Retire(new Retired(OpClass.Divide, Operand: dividend, Operand2: divisor));
        return true;
    }
}
