using System.Runtime.CompilerServices;

namespace Rig.Emulation.Cpu;

/// <summary>Flag arithmetic and conditions (ARMv7-M A2.2.1 AddWithCarry, A2.2.2 shifts, A7.3 conditions).</summary>
public sealed partial class ArmCore
{
    /// <summary>x + y + carry-in with the C and V flags it produces (the architecture's AddWithCarry).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint AddWithCarry(uint x, uint y, bool carryIn, out bool carry, out bool overflow)
    {
        var wide = (ulong)x + y + (carryIn ? 1u : 0u);
        var r = (uint)wide;
        carry = (wide >> 32) != 0;
        overflow = ((x ^ r) & (y ^ r) & 0x8000_0000u) != 0;
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetNz(uint r)
    {
        N = (int)r < 0;
        Z = r == 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    uint AddFlags(uint x, uint y, bool carryIn)
    {
        var r = AddWithCarry(x, y, carryIn, out C, out V);
        SetNz(r);
        return r;
    }

    /// <summary>Whether condition code <paramref name="cond"/> (4 bits) holds for the current flags.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ConditionPassed(uint cond)
    {
        var result = (cond >> 1) switch
        {
            0 => Z,
            1 => C,
            2 => N,
            3 => V,
            4 => C && !Z,
            5 => N == V,
            6 => N == V && !Z,
            _ => true,
        };
        // Odd conditions negate, except 1111 which is "always" too.
        return (cond & 1) != 0 && cond != 0xF ? !result : result;
    }

    /// <summary>Shift by register (ARMv7-M A2.2.2 Shift_C with the amount from Rs[7:0]): sets C when the amount is non-zero.</summary>
    uint ShiftByRegister(uint value, uint amount, int type)
    {
        amount &= 0xFF;
        if (amount == 0) return value;
        switch (type)
        {
            case 0: // LSL
                if (amount < 32) { C = ((value >> (int)(32 - amount)) & 1) != 0; return value << (int)amount; }
                C = amount == 32 && (value & 1) != 0;
                return 0;
            case 1: // LSR
                if (amount < 32) { C = ((value >> (int)(amount - 1)) & 1) != 0; return value >> (int)amount; }
                C = amount == 32 && (value >> 31) != 0;
                return 0;
            case 2: // ASR
                if (amount < 32) { C = (((int)value >> (int)(amount - 1)) & 1) != 0; return (uint)((int)value >> (int)amount); }
                C = (value >> 31) != 0;
                return (uint)((int)value >> 31);
            default: // ROR
                var rot = (int)(amount & 31);
                var r = rot == 0 ? value : (value >> rot) | (value << (32 - rot));
                C = (r >> 31) != 0;
                return r;
        }
    }
}
