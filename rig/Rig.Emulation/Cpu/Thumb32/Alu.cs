using System.Numerics;
using System.Runtime.CompilerServices;

namespace Rig.Emulation.Cpu.Thumb32;

/// <summary>
/// The ARMv7-M pseudocode helpers the 32-bit encodings share (DDI 0403E A2.2, A2.3, A5.3.2, A7.4.2):
/// AddWithCarry, Shift_C, DecodeImmShift, ThumbExpandImm_C, the saturation functions.
/// Carry-out values are returned through an out parameter so nothing allocates.
/// </summary>
public static class Alu
{
    /// <summary>Shift types of DecodeImmShift / DecodeRegShift (A7.4.2).</summary>
    public const int Lsl = 0, Lsr = 1, Asr = 2, Ror = 3, Rrx = 4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AddWithCarry(uint x, uint y, bool carryIn, out bool carry, out bool overflow)
    {
        ulong unsignedSum = (ulong)x + y + (carryIn ? 1u : 0u);
        uint result = (uint)unsignedSum;
        carry = (unsignedSum >> 32) != 0;
        // Signed overflow: operands of equal sign whose result has the other sign.
        overflow = ((~(x ^ y) & (x ^ result)) >> 31) != 0;
        return result;
    }

    /// <summary>DecodeImmShift: the 2-bit type and 5-bit amount of an immediate shift to (type, amount).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DecodeImmShift(uint type, uint imm5, out int amount)
    {
        switch (type)
        {
            case 0: amount = (int)imm5; return Lsl;
            case 1: amount = imm5 == 0 ? 32 : (int)imm5; return Lsr;
            case 2: amount = imm5 == 0 ? 32 : (int)imm5; return Asr;
            default:
                if (imm5 == 0) { amount = 1; return Rrx; }
                amount = (int)imm5; return Ror;
        }
    }

    /// <summary>Shift_C (A2.2.1): the shifted value and its carry out; amount 0 leaves value and carry as they are.</summary>
    public static uint ShiftC(uint value, int type, int amount, bool carryIn, out bool carry)
    {
        if (amount == 0 && type != Rrx) { carry = carryIn; return value; }
        switch (type)
        {
            case Lsl:
                if (amount > 32) { carry = false; return 0; }
                carry = ((value >> (32 - amount)) & 1) != 0;
                return amount == 32 ? 0 : value << amount;
            case Lsr:
                if (amount > 32) { carry = false; return 0; }
                carry = ((value >> (amount - 1)) & 1) != 0;
                return amount == 32 ? 0 : value >> amount;
            case Asr:
                if (amount >= 32) { carry = (value >> 31) != 0; return (uint)((int)value >> 31); }
                carry = ((value >> (amount - 1)) & 1) != 0;
                return (uint)((int)value >> amount);
            case Ror:
            {
                uint result = BitOperations.RotateRight(value, amount & 31);
                carry = (result >> 31) != 0;
                return result;
            }
            default: // RRX
                carry = (value & 1) != 0;
                return (carryIn ? 0x8000_0000u : 0) | (value >> 1);
        }
    }

    /// <summary>Shift without the carry (the result of Shift_C).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Shift(uint value, int type, int amount, bool carryIn) => ShiftC(value, type, amount, carryIn, out _);

    /// <summary>ThumbExpandImm_C (A5.3.2): the 12-bit modified immediate i:imm3:imm8 and its carry out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ThumbExpandImmC(uint imm12, bool carryIn, out bool carry)
    {
        uint imm8 = imm12 & 0xFF;
        if ((imm12 >> 10) == 0)
        {
            carry = carryIn;
            return ((imm12 >> 8) & 3) switch
            {
                0 => imm8,
                1 => imm8 << 16 | imm8,
                2 => imm8 << 24 | imm8 << 8,
                _ => imm8 * 0x0101_0101u,
            };
        }
        uint result = BitOperations.RotateRight(0x80 | (imm12 & 0x7F), (int)(imm12 >> 7));
        carry = (result >> 31) != 0;
        return result;
    }

    /// <summary>SignedSatQ (A2.2.2): <paramref name="value"/> saturated to an N-bit signed range (1 &lt;= N &lt;= 32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SignedSat(long value, int bits, out bool saturated)
    {
        long max = (1L << (bits - 1)) - 1, min = -(1L << (bits - 1));
        if (value > max) { saturated = true; return (int)max; }
        if (value < min) { saturated = true; return (int)min; }
        saturated = false;
        return (int)value;
    }

    /// <summary>UnsignedSatQ (A2.2.2): <paramref name="value"/> saturated to 0..2^N-1 (0 &lt;= N &lt;= 31).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint UnsignedSat(long value, int bits, out bool saturated)
    {
        long max = (1L << bits) - 1;
        if (value > max) { saturated = true; return (uint)max; }
        if (value < 0) { saturated = true; return 0; }
        saturated = false;
        return (uint)value;
    }
}
