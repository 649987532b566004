using System.Numerics;
using System.Buffers.Binary;

namespace Rig.Emulation.Cpu.Thumb32;

// A5.3.12 data processing (register): shifts by register, the extends with rotation (and their
// add forms), and the v7E-M parallel add/subtract (A5.3.13/14) and miscellaneous (A5.3.15) groups.
public sealed partial class Thumb2Executor
{
    static bool DataProcessingRegister(ArmCore core, uint a, uint b)
    {
        if ((b & 0xF000) != 0xF000) return false;
        uint op1 = (a >> 4) & 0xF, op2 = (b >> 4) & 0xF;
        int d = (int)((b >> 8) & 0xF), n = (int)(a & 0xF), m = (int)(b & 0xF);
        if ((op1 & 8) == 0)
        {
            if (op2 == 0) return ShiftByRegister(core, (int)((op1 >> 1) & 3), (op1 & 1) != 0, d, n, m);
            if ((op2 & 8) != 0) return Extend(core, op1, d, n, m, (int)(op2 & 3) * 8);
            return false;
        }
        if ((op2 & 8) == 0) return ParallelAddSub(core, (a >> 4) & 7, op2, d, n, m);
        if ((op1 & 0xC) == 8 && (op2 & 0xC) == 8) return Miscellaneous(core, op1 & 3, op2 & 3, d, n, m);
        return false;
    }

    static bool ShiftByRegister(ArmCore core, int type, bool s, int d, int n, int m)
    {
        uint result = Alu.ShiftC(core.R[n], type, (int)(core.R[m] & 0xFF), core.C, out bool carry);
        core.R[d] = result;
        if (s)
        {
            SetNz(core, result);
            core.C = carry;
        }
        RetireAlu(core);
        return true;
    }

    /// <summary>SXTAH/UXTAH/SXTAB16/UXTAB16/SXTAB/UXTAB, and without the add (Rn = 1111) SXTH.. UXTB.</summary>
    static bool Extend(ArmCore core, uint op1, int d, int n, int m, int rotation)
    {
        uint rotated = BitOperations.RotateRight(core.R[m], rotation);
        uint addend = n == 15 ? 0 : core.R[n];
        switch (op1)
        {
            case 0: core.R[d] = addend + (uint)(short)rotated; break;
            case 1: core.R[d] = addend + (rotated & 0xFFFF); break;
            case 2:
            case 3:
            {
                bool signed = op1 == 2;
                uint lo = signed ? (uint)(sbyte)rotated : rotated & 0xFF;
                uint hi = signed ? (uint)(sbyte)(rotated >> 16) : (rotated >> 16) & 0xFF;
                core.R[d] = ((addend >> 16) + hi) << 16 | ((addend + lo) & 0xFFFF);
                break;
            }
            case 4: core.R[d] = addend + (uint)(sbyte)rotated; break;
            case 5: core.R[d] = addend + (rotated & 0xFF); break;
            default: return false;
        }
        RetireAlu(core);
        return true;
    }

    /// <summary>
    /// SADD16/SASX/SSAX/SSUB16/SADD8/SSUB8 with the S (GE flags), Q (saturating) and SH (halving)
    /// prefixes and their unsigned twins. Lane arithmetic is done in full precision as the pseudocode does.
    /// </summary>
    static bool ParallelAddSub(ArmCore core, uint op, uint op2, int d, int n, int m)
    {
        bool unsigned = (op2 & 4) != 0;
        uint kind = op2 & 3; // 0: modular + GE, 1: saturating, 2: halving
        if (kind == 3 || (op & 3) == 3) return false;
        uint rn = core.R[n], rm = core.R[m];
        uint result = 0, ge = 0;
        if ((op & 3) == 0)
        {
            // ADD8 (000) / SUB8 (100)
            bool sub = (op & 4) != 0;
            for (int lane = 0; lane < 4; lane++)
            {
                int shift = lane * 8;
                int x = unsigned ? (int)((rn >> shift) & 0xFF) : (sbyte)(rn >> shift);
                int y = unsigned ? (int)((rm >> shift) & 0xFF) : (sbyte)(rm >> shift);
                int r = sub ? x - y : x + y;
                result |= (Lane(r, kind, unsigned, 8) & 0xFFu) << shift;
                if (kind == 0 && (unsigned && !sub ? r >= 0x100 : r >= 0)) ge |= 1u << lane;
            }
        }
        else
        {
            int nLo = unsigned ? (int)(rn & 0xFFFF) : (short)rn, nHi = unsigned ? (int)(rn >> 16) : (short)(rn >> 16);
            int mLo = unsigned ? (int)(rm & 0xFFFF) : (short)rm, mHi = unsigned ? (int)(rm >> 16) : (short)(rm >> 16);
            int lo, hi;
            bool loIsSum, hiIsSum;
            switch (op)
            {
                case 1: lo = nLo + mLo; hi = nHi + mHi; loIsSum = hiIsSum = true; break; // ADD16
                case 2: lo = nLo - mHi; hi = nHi + mLo; loIsSum = false; hiIsSum = true; break; // ASX
                case 6: lo = nLo + mHi; hi = nHi - mLo; loIsSum = true; hiIsSum = false; break; // SAX
                default: lo = nLo - mLo; hi = nHi - mHi; loIsSum = hiIsSum = false; break; // SUB16 (101)
            }
            result = (Lane(hi, kind, unsigned, 16) << 16) | (Lane(lo, kind, unsigned, 16) & 0xFFFF);
            if (kind == 0)
            {
                if (unsigned && loIsSum ? lo >= 0x10000 : lo >= 0) ge |= 3;
                if (unsigned && hiIsSum ? hi >= 0x10000 : hi >= 0) ge |= 0xC;
            }
        }
        core.R[d] = result;
        if (kind == 0) core.GE = ge;
        RetireAlu(core);
        return true;
    }

    static uint Lane(int value, uint kind, bool unsigned, int bits) => kind switch
    {
        0 => (uint)value,
        1 => unsigned ? Alu.UnsignedSat(value, bits, out _) : (uint)Alu.SignedSat(value, bits, out _),
        _ => (uint)(value >> 1),
    };

    /// <summary>QADD/QDADD/QSUB/QDSUB, REV/REV16/RBIT/REVSH, SEL, CLZ.</summary>
    static bool Miscellaneous(ArmCore core, uint op1, uint op2, int d, int n, int m)
    {
        uint rm = core.R[m];
        uint result;
        switch (op1 << 2 | op2)
        {
            case 0: case 1: case 2: case 3:
            {
                long operand = (int)core.R[n];
                bool sat = false, sat2;
                if ((op2 & 1) != 0) { operand = Alu.SignedSat(2 * operand, 32, out sat); }
                result = (uint)Alu.SignedSat((op2 & 2) == 0 ? (int)rm + operand : (int)rm - operand, 32, out sat2);
                if (sat || sat2) core.Q = true;
                break;
            }
            case 4: result = BinaryPrimitives.ReverseEndianness(rm); break;
            case 5: result = (rm & 0xFF00_FF00) >> 8 | (rm & 0x00FF_00FF) << 8; break;
            case 6: result = ReverseBits(rm); break;
            case 7: result = (uint)(short)((rm & 0xFF) << 8 | (rm >> 8) & 0xFF); break;
            case 8:
            {
                uint rn = core.R[n], ge = core.GE, mask = 0;
                for (int lane = 0; lane < 4; lane++)
                    if ((ge & (1u << lane)) != 0) mask |= 0xFFu << (lane * 8);
                result = (rn & mask) | (rm & ~mask);
                break;
            }
            case 12: result = (uint)BitOperations.LeadingZeroCount(rm); break;
            default: return false;
        }
        core.R[d] = result;
        RetireAlu(core);
        return true;
    }

    static uint ReverseBits(uint v)
    {
        v = (v >> 1) & 0x5555_5555 | (v & 0x5555_5555) << 1;
        v = (v >> 2) & 0x3333_3333 | (v & 0x3333_3333) << 2;
        v = (v >> 4) & 0x0F0F_0F0F | (v & 0x0F0F_0F0F) << 4;
        return BinaryPrimitives.ReverseEndianness(v);
    }
}
