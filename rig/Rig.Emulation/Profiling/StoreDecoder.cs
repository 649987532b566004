using System.Numerics;

namespace Rig.Emulation.Profiling;

/// <summary>
/// Where an executed store wrote, from its encoding and the registers AFTER it ran (what an
/// <see cref="Cpu.IInstructionTrace"/> sees): a store changes no address register except by
/// writeback, whose new value gives the old one back (ARMv7-M ARM A7.7: STR/STRB/STRH/STRD
/// immediate and register, STM/STMDB/PUSH, STREX*, VSTR/VSTM/VPUSH; ARMv6-M's 16-bit subset).
/// </summary>
public static class StoreDecoder
{
    /// <summary>The bytes the instruction stored: start address and length (0 when it is no store).</summary>
    public static (uint Address, uint Length) Decode(ushort hw1, ushort hw2, ReadOnlySpan<uint> r)
    {
        if (hw1 < 0xE800) return Decode16(hw1, r);
        return Decode32(hw1, hw2, r);
    }

    static (uint, uint) Decode16(ushort hw, ReadOnlySpan<uint> r)
    {
        var n = (hw >> 3) & 7;
        var imm5 = (uint)(hw >> 6) & 0x1F;
        switch (hw >> 11)
        {
            case 0x0A: // 0101 ooo: register offset; STR 000, STRH 001, STRB 010
                var op = (hw >> 9) & 7;
                if (op > 2) return (0, 0);
                return (r[n] + r[(hw >> 6) & 7], op == 0 ? 4u : op == 1 ? 2u : 1u);
            case 0x0C: return (r[n] + imm5 * 4, 4); // STR Rt, [Rn, #imm5*4]
            case 0x0E: return (r[n] + imm5, 1);     // STRB
            case 0x10: return (r[n] + imm5 * 2, 2); // STRH
            case 0x12: return (r[13] + (uint)(hw & 0xFF) * 4, 4); // STR Rt, [SP, #imm8*4]
            case 0x16 when (hw & 0xFE00) == 0xB400: // PUSH: SP is already the lowest address
                return (r[13], 4 * (uint)(BitOperations.PopCount((uint)hw & 0xFF) + ((hw >> 8) & 1)));
            case 0x18: // STMIA Rn!, {list}: always writes back on ARMv6-M
                var bytes = 4 * (uint)BitOperations.PopCount((uint)hw & 0xFF);
                return (r[(hw >> 8) & 7] - bytes, bytes);
            default: return (0, 0);
        }
    }

    static (uint, uint) Decode32(ushort hw1, ushort hw2, ReadOnlySpan<uint> r)
    {
        var n = hw1 & 0xF;
        var w = (hw1 & 0x20) != 0;
        // STM.W / STMDB (PUSH.W): 1110 100 op(2) 0 W L=0 Rn.
        if ((hw1 & 0xFFD0) == 0xE880 || (hw1 & 0xFFD0) == 0xE900)
        {
            var bytes = 4 * (uint)BitOperations.PopCount((uint)hw2 & 0x5FFF);
            var increment = (hw1 & 0xFFD0) == 0xE880;
            return increment ? (w ? r[n] - bytes : r[n], bytes) : (w ? r[n] : r[n] - bytes, bytes);
        }
        // STREXB / STREXH (before STRD, whose pattern they share): 1110 1000 1100 Rn, Rt 1111 0100/0101 Rd.
        if ((hw1 & 0xFFF0) == 0xE8C0 && (hw2 & 0xE0) == 0x40)
            return r[hw2 & 0xF] == 0 ? (r[n], (hw2 & 0x10) != 0 ? 2u : 1u) : (0, 0);
        // STREX / STRD: 1110 100P U1W0 Rn.
        if ((hw1 & 0xFE50) == 0xE840)
        {
            if ((hw1 & 0x0120) == 0)
            {
                if ((hw1 & 0xFFF0) != 0xE840) return (0, 0);
                // STREX Rd, Rt, [Rn, #imm8*4]: stored only when Rd reads 0 (success).
                return r[(hw2 >> 8) & 0xF] == 0 ? (r[n] + (uint)(hw2 & 0xFF) * 4, 4u) : (0, 0);
            }
            return Indexed(r[n], (uint)(hw2 & 0xFF) * 4, (hw1 & 0x100) != 0, (hw1 & 0x80) != 0, w, 8);
        }
        // STR/STRB/STRH (immediate, register): 1111 1000 1/0 size(2) 0 Rn.
        if ((hw1 & 0xFF90) is 0xF800 or 0xF880 && (hw1 & 0x60) != 0x60)
        {
            var length = 1u << ((hw1 >> 5) & 3);
            if ((hw1 & 0x80) != 0) return (r[n] + (uint)(hw2 & 0xFFF), length);
            if ((hw2 & 0x800) != 0)
                return Indexed(r[n], (uint)(hw2 & 0xFF), (hw2 & 0x400) != 0, (hw2 & 0x200) != 0, (hw2 & 0x100) != 0, length);
            if ((hw2 & 0xFC0) == 0) return (r[n] + (r[hw2 & 0xF] << ((hw2 >> 4) & 3)), length);
            return (0, 0);
        }
        // VSTR / VSTM / VPUSH: 1110 110P UDW0 Rn, coprocessor 101x.
        if ((hw1 & 0xFE10) == 0xEC00 && (hw2 & 0x0E00) == 0x0A00)
        {
            var p = (hw1 & 0x100) != 0;
            var u = (hw1 & 0x80) != 0;
            if (!p && !u) return (0, 0); // 64-bit core-register transfers
            var imm = (uint)(hw2 & 0xFF) * 4;
            if (p && !w) return (u ? r[n] + imm : r[n] - imm, (hw2 & 0x100) != 0 ? 8u : 4u); // VSTR
            return u ? (w ? r[n] - imm : r[n], imm) : (r[n], imm); // VSTMIA / VSTMDB (VPUSH)
        }
        return (0, 0);
    }

    /// <summary>
    /// An immediate-offset store with P (index), U (add), W (writeback) as the architecture
    /// defines them: with writeback the register holds the offset address now.
    /// </summary>
    static (uint, uint) Indexed(uint rn, uint imm, bool p, bool u, bool w, uint length)
    {
        if (!w) return (u ? rn + imm : rn - imm, length);
        // rn is the offset address: pre-indexed stored there, post-indexed at the old base.
        return (p ? rn : u ? rn - imm : rn + imm, length);
    }
}
