using Rig.Emulation.Timing;

namespace Rig.Emulation.Cpu.Thumb32;

// A5.3.7-A5.3.10: single loads and stores (imm12, imm8 with P/U/W incl. the unprivileged LDRT
// forms, register offset with LSL #0-3, PC-relative literal) and the PLD/PLI hints.
public sealed partial class Thumb2Executor
{
    // Inlined into Execute: the most frequent Thumb-2 class of the firmware (loads and stores of the kernels).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    static bool LoadStoreSingle(ArmCore core, uint a, uint b)
    {
        int size = (int)((a >> 5) & 3); // 0 byte, 1 halfword, 2 word
        bool load = (a & 0x10) != 0, signed = (a & 0x100) != 0;
        if (size == 3 || (signed && (!load || size == 2))) return false;
        int n = (int)(a & 0xF), t = (int)((b >> 12) & 0xF);
        uint address, addressRegs = 1u << n;
        bool writeback = false;
        uint offsetAddress = 0;
        if (n == 15)
        {
            if (!load) return false;
            uint basePc = (core.Pc + 4) & ~3u;
            address = (a & 0x80) != 0 ? basePc + (b & 0xFFF) : basePc - (b & 0xFFF);
            addressRegs = 0;
        }
        else if ((a & 0x80) != 0)
            address = core.R[n] + (b & 0xFFF);
        else if ((b & 0x800) != 0)
        {
            bool p = (b & 0x400) != 0, w = (b & 0x100) != 0;
            if (!p && !w) return false;
            offsetAddress = (b & 0x200) != 0 ? core.R[n] + (b & 0xFF) : core.R[n] - (b & 0xFF);
            address = p ? offsetAddress : core.R[n];
            writeback = w;
        }
        else if ((b & 0xFC0) == 0)
        {
            int m = (int)(b & 0xF);
            address = core.R[n] + (core.R[m] << (int)((b >> 4) & 3));
            addressRegs |= 1u << m;
        }
        else return false;

        if (!load)
        {
            uint value = core.R[t];
            switch (size)
            {
                case 0: core.Store8(address, value); break;
                case 1: core.Store16(address, value); break;
                default: core.Store32(address, value); break;
            }
            if (writeback) core.R[n] = offsetAddress;
            core.Retire(new Retired(OpClass.Store, 1, address, Operand: 0, Operand2: addressRegs));
            return true;
        }

        if (t == 15 && size != 2)
        {
            // PLD/PLI and the unallocated halfword hints: architecturally hints, no memory effect.
            core.Retire(new Retired(OpClass.Hint));
            return true;
        }
        uint data = size switch
        {
            0 => signed ? (uint)(sbyte)core.Load8(address) : core.Load8(address),
            1 => signed ? (uint)(short)core.Load16(address) : core.Load16(address),
            _ => core.Load32(address),
        };
        if (writeback) core.R[n] = offsetAddress;
        if (t == 15)
        {
            CoreBridge.Interwork(core, data);
            core.Retire(new Retired(OpClass.LoadMultipleWritesPc, 1, address, Taken: true, Operand: data & ~1u));
            return true;
        }
        core.R[t] = data;
        core.Retire(new Retired(OpClass.Load, 1, address, Operand: 1u << t | (writeback ? 1u << n : 0), Operand2: addressRegs));
        return true;
    }
}
