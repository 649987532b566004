namespace Rig.Emulation.Cpu.Thumb32;

// A5.3.1 data processing (modified immediate), A5.3.11 data processing (shifted register):
// the same 4-bit opcode table, applied to ThumbExpandImm_C or Shift_C of a register.
public sealed partial class Thumb2Executor
{
    static bool DataProcessingModifiedImmediate(ArmCore core, uint a, uint b)
    {
        uint imm12 = ((a >> 10) & 1) << 11 | ((b >> 12) & 7) << 8 | (b & 0xFF);
        uint imm = Alu.ThumbExpandImmC(imm12, core.C, out bool carry);
        return DataOp(core, (a >> 5) & 0xF, (a & 0x10) != 0, (int)((b >> 8) & 0xF), (int)(a & 0xF), imm, carry);
    }

    static bool DataProcessingShiftedRegister(ArmCore core, uint a, uint b)
    {
        uint op = (a >> 5) & 0xF;
        int type = Alu.DecodeImmShift((b >> 4) & 3, ((b >> 12) & 7) << 2 | ((b >> 6) & 3), out int amount);
        uint shifted = Alu.ShiftC(core.R[(int)(b & 0xF)], type, amount, core.C, out bool carry);
        if (op == 6) // PKHBT / PKHTB (v7E-M): tb selects ASR and the top half of Rn
        {
            if ((a & 0x10) != 0) return false;
            uint rn = core.R[(int)(a & 0xF)];
            core.R[(int)((b >> 8) & 0xF)] = (b & 0x20) != 0 ? (rn & 0xFFFF_0000) | (shifted & 0xFFFF) : (shifted & 0xFFFF_0000) | (rn & 0xFFFF);
            RetireAlu(core);
            return true;
        }
        return DataOp(core, op, (a & 0x10) != 0, (int)((b >> 8) & 0xF), (int)(a & 0xF), shifted, carry);
    }

    /// <summary>
    /// The shared opcode table: AND/TST, BIC, ORR/MOV, ORN/MVN, EOR/TEQ, ADD/CMN, ADC, SBC, SUB/CMP, RSB.
    /// Logical ops take C from the shifter/expander, arithmetic ones from AddWithCarry.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    static bool DataOp(ArmCore core, uint op, bool s, int d, int n, uint operand, bool shifterCarry)
    {
        bool write = true;
        uint result;
        bool logical = true, carry = shifterCarry, overflow = core.V;
        switch (op)
        {
            case 0: // AND, TST (Rd = 1111, S)
                if (d == 15) { if (!s) return false; write = false; }
                result = core.R[n] & operand;
                break;
            case 1: result = core.R[n] & ~operand; break; // BIC
            case 2: result = n == 15 ? operand : core.R[n] | operand; break; // MOV (Rn = 1111), ORR
            case 3: result = n == 15 ? ~operand : core.R[n] | ~operand; break; // MVN (Rn = 1111), ORN
            case 4: // EOR, TEQ
                if (d == 15) { if (!s) return false; write = false; }
                result = core.R[n] ^ operand;
                break;
            case 8: // ADD, CMN
                if (d == 15) { if (!s) return false; write = false; }
                result = Alu.AddWithCarry(core.R[n], operand, false, out carry, out overflow);
                logical = false;
                break;
            case 10: result = Alu.AddWithCarry(core.R[n], operand, core.C, out carry, out overflow); logical = false; break; // ADC
            case 11: result = Alu.AddWithCarry(core.R[n], ~operand, core.C, out carry, out overflow); logical = false; break; // SBC
            case 13: // SUB, CMP
                if (d == 15) { if (!s) return false; write = false; }
                result = Alu.AddWithCarry(core.R[n], ~operand, true, out carry, out overflow);
                logical = false;
                break;
            case 14: result = Alu.AddWithCarry(~core.R[n], operand, true, out carry, out overflow); logical = false; break; // RSB
            default: return false;
        }
        if (write)
        {
            if (d == 15) return false; // UNPREDICTABLE in these encodings
            core.R[d] = result;
        }
        if (s)
        {
            SetNz(core, result);
            core.C = carry;
            if (!logical) core.V = overflow;
        }
        RetireAlu(core);
        return true;
    }

    /// <summary>A5.3.3 data processing (plain binary immediate): ADDW/SUBW/ADR, MOVW/MOVT, saturate, bitfields.</summary>
    static bool DataProcessingPlainImmediate(ArmCore core, uint a, uint b)
    {
        int d = (int)((b >> 8) & 0xF), n = (int)(a & 0xF);
        uint imm12 = ((a >> 10) & 1) << 11 | ((b >> 12) & 7) << 8 | (b & 0xFF);
        int shiftOrLsb = (int)(((b >> 12) & 7) << 2 | ((b >> 6) & 3));
        switch ((a >> 4) & 0x1F)
        {
            case 0x00: // ADDW, ADR (Rn = PC: Align(PC, 4) + imm12)
                core.R[d] = (n == 15 ? (core.Pc + 4) & ~3u : core.R[n]) + imm12;
                break;
            case 0x0A: // SUBW, ADR (sub)
                core.R[d] = (n == 15 ? (core.Pc + 4) & ~3u : core.R[n]) - imm12;
                break;
            case 0x04: // MOVW
                core.R[d] = (a & 0xF) << 12 | imm12;
                break;
            case 0x0C: // MOVT
                core.R[d] = (core.R[d] & 0xFFFF) | ((a & 0xF) << 12 | imm12) << 16;
                break;
            case 0x10:
            case 0x12:
                if ((a & 0x20) != 0 && shiftOrLsb == 0) Ssat16(core, d, n, (int)(b & 0xF) + 1);
                else Ssat(core, d, n, (a & 0x20) != 0, shiftOrLsb, (int)(b & 0x1F) + 1);
                break;
            case 0x18:
            case 0x1A:
                if ((a & 0x20) != 0 && shiftOrLsb == 0) Usat16(core, d, n, (int)(b & 0xF));
                else Usat(core, d, n, (a & 0x20) != 0, shiftOrLsb, (int)(b & 0x1F));
                break;
            case 0x14: // SBFX
            {
                int width = (int)(b & 0x1F) + 1;
                if (shiftOrLsb + width > 32) return false;
                core.R[d] = (uint)((int)(core.R[n] << (32 - shiftOrLsb - width)) >> (32 - width));
                break;
            }
            case 0x1C: // UBFX
            {
                int width = (int)(b & 0x1F) + 1;
                if (shiftOrLsb + width > 32) return false;
                core.R[d] = (core.R[n] << (32 - shiftOrLsb - width)) >> (32 - width);
                break;
            }
            case 0x16: // BFI, BFC (Rn = 1111)
            {
                int msb = (int)(b & 0x1F);
                if (msb < shiftOrLsb) return false;
                uint mask = (uint)(((1UL << (msb + 1)) - 1) & ~((1UL << shiftOrLsb) - 1));
                uint insert = n == 15 ? 0 : core.R[n] << shiftOrLsb;
                core.R[d] = (core.R[d] & ~mask) | (insert & mask);
                break;
            }
            default:
                return false;
        }
        RetireAlu(core);
        return true;
    }

    static void Ssat(ArmCore core, int d, int n, bool asr, int amount, int bits)
    {
        uint operand = asr ? (uint)((int)core.R[n] >> amount) : core.R[n] << amount;
        core.R[d] = (uint)Alu.SignedSat((int)operand, bits, out bool sat);
        if (sat) core.Q = true;
    }

    static void Usat(ArmCore core, int d, int n, bool asr, int amount, int bits)
    {
        uint operand = asr ? (uint)((int)core.R[n] >> amount) : core.R[n] << amount;
        core.R[d] = Alu.UnsignedSat((int)operand, bits, out bool sat);
        if (sat) core.Q = true;
    }

    static void Ssat16(ArmCore core, int d, int n, int bits)
    {
        uint rn = core.R[n];
        uint lo = (uint)Alu.SignedSat((short)rn, bits, out bool s1);
        uint hi = (uint)Alu.SignedSat((short)(rn >> 16), bits, out bool s2);
        core.R[d] = (hi << 16) | (lo & 0xFFFF);
        if (s1 || s2) core.Q = true;
    }

    static void Usat16(ArmCore core, int d, int n, int bits)
    {
        uint rn = core.R[n];
        uint lo = Alu.UnsignedSat((short)rn, bits, out bool s1);
        uint hi = Alu.UnsignedSat((short)(rn >> 16), bits, out bool s2);
        core.R[d] = (hi << 16) | lo;
        if (s1 || s2) core.Q = true;
    }
}
