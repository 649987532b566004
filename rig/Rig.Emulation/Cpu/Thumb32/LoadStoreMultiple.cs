using System.Numerics;
using Rig.Emulation.Timing;

namespace Rig.Emulation.Cpu.Thumb32;

// A5.3.5 load/store multiple (LDM/STM IA and DB, PUSH.W/POP.W) and A5.3.6 load/store dual,
// exclusive and table branch (LDRD/STRD, LDREX/STREX B/H/word, TBB/TBH).
public sealed partial class Thumb2Executor
{
    static bool LoadStoreMultiple(ArmCore core, uint a, uint b)
    {
        uint op = (a >> 7) & 3;
        if (op == 0 || op == 3) return false; // SRS/RFE: not in ARMv7-M
        bool load = (a & 0x10) != 0, wback = (a & 0x20) != 0;
        int n = (int)(a & 0xF);
        if (n == 15 || (b & 0x2000) != 0 || (!load && (b & 0x8000) != 0) || (b & 0xC000) == 0xC000) return false;
        uint list = b;
        int count = BitOperations.PopCount(list);
        if (count == 0) return false;
        uint start = core.R[n];
        uint address = op == 1 ? start : start - 4u * (uint)count;
        if ((address & 3) != 0) return CoreBridge.UsageFault(core, FaultKind.Unaligned, address);
        uint first = address;
        uint final = op == 1 ? start + 4u * (uint)count : address;
        if (!load)
        {
            for (int i = 0; i < 15; i++)
                if ((list & (1u << i)) != 0) { core.StoreAligned32(address, core.R[i]); address += 4; }
            if (wback) core.R[n] = final;
            core.Retire(new Retired(OpClass.StoreMultiple, count, first));
            return true;
        }
        for (int i = 0; i < 15; i++)
            if ((list & (1u << i)) != 0) { core.R[i] = core.LoadAligned32(address); address += 4; }
        if (wback && (list & (1u << n)) == 0) core.R[n] = final;
        if ((list & 0x8000) != 0)
        {
            uint pc = core.LoadAligned32(address);
            CoreBridge.Interwork(core, pc);
            core.Retire(new Retired(OpClass.LoadMultipleWritesPc, count, first, Taken: true, Operand: pc & ~1u));
            return true;
        }
        core.Retire(new Retired(OpClass.LoadMultiple, count, first));
        return true;
    }

    static bool LoadStoreDualExclusiveTable(ArmCore core, uint a, uint b)
    {
        uint op1 = (a >> 7) & 3, op2 = (a >> 4) & 3;
        if ((op1 & 2) != 0 || (op2 & 2) != 0) return LoadStoreDual(core, a, b);
        int n = (int)(a & 0xF), t = (int)((b >> 12) & 0xF);
        if (op1 == 0)
        {
            uint address = core.R[n] + ((b & 0xFF) << 2);
            if (op2 == 0) return StoreExclusive(core, (int)((b >> 8) & 0xF), t, address, 4);
            return LoadExclusive(core, t, address, 4);
        }
        uint op3 = (b >> 4) & 0xF;
        if (op2 == 0)
            return op3 switch
            {
                4 => StoreExclusive(core, (int)(b & 0xF), t, core.R[n], 1),
                5 => StoreExclusive(core, (int)(b & 0xF), t, core.R[n], 2),
                _ => false,
            };
        switch (op3)
        {
            case 0:
            case 1:
            {
                // TBB/TBH: the table holds halfword offsets forward from the PC (Rn may be the PC).
                uint baseAddress = core.ReadReg(n), index = core.R[(int)(b & 0xF)];
                uint entryAddress = op3 == 0 ? baseAddress + index : baseAddress + (index << 1);
                uint entry = op3 == 0 ? core.Load8(entryAddress) : core.Load16(entryAddress);
                uint target = core.Pc + 4 + 2 * entry;
                CoreBridge.Branch(core, target);
                core.Retire(new Retired(OpClass.TableBranch, 1, entryAddress, Taken: true, Operand: target));
                return true;
            }
            case 4: return LoadExclusive(core, t, core.R[n], 1);
            case 5: return LoadExclusive(core, t, core.R[n], 2);
            default: return false;
        }
    }

    static bool LoadStoreDual(ArmCore core, uint a, uint b)
    {
        bool p = (a & 0x100) != 0, u = (a & 0x80) != 0, w = (a & 0x20) != 0, load = (a & 0x10) != 0;
        if (!p && !w) return false;
        int n = (int)(a & 0xF), t = (int)((b >> 12) & 0xF), t2 = (int)((b >> 8) & 0xF);
        uint imm = (b & 0xFF) << 2;
        uint baseAddress;
        if (n == 15)
        {
            if (!load || w) return false;
            baseAddress = (core.Pc + 4) & ~3u; // LDRD (literal)
        }
        else baseAddress = core.R[n];
        uint offsetAddress = u ? baseAddress + imm : baseAddress - imm;
        uint address = p ? offsetAddress : baseAddress;
        if ((address & 3) != 0) return CoreBridge.UsageFault(core, FaultKind.Unaligned, address);
        if (load)
        {
            uint lo = core.LoadAligned32(address), hi = core.LoadAligned32(address + 4);
            core.R[t] = lo;
            core.R[t2] = hi;
            if (w) core.R[n] = offsetAddress;
            core.Retire(new Retired(OpClass.Load, 2, address, Operand: 1u << t | 1u << t2, Operand2: 1u << n));
        }
        else
        {
            core.StoreAligned32(address, core.R[t]);
            core.StoreAligned32(address + 4, core.R[t2]);
            if (w) core.R[n] = offsetAddress;
            core.Retire(new Retired(OpClass.Store, 2, address, Operand2: 1u << n));
        }
        return true;
    }

    static bool LoadExclusive(ArmCore core, int t, uint address, int size)
    {
        if ((address & (uint)(size - 1)) != 0) return CoreBridge.UsageFault(core, FaultKind.Unaligned, address);
        core.R[t] = size switch
        {
            1 => core.Memory.Read8(address),
            2 => core.Memory.Read16(address),
            _ => core.Memory.Read32(address),
        };
        // SetExclusiveMonitors: the local monitor of a single core tracks one address (A3.4.1).
        core.ExclusiveOpen = true;
        core.ExclusiveAddress = address;
        core.Retire(new Retired(OpClass.Exclusive, 1, address, Operand: 1u << t));
        return true;
    }

    static bool StoreExclusive(ArmCore core, int d, int t, uint address, int size)
    {
        if ((address & (uint)(size - 1)) != 0) return CoreBridge.UsageFault(core, FaultKind.Unaligned, address);
        // ExclusiveMonitorsPass: this implementation checks the address (A3.4.5 lets it); the
        // local monitor is cleared whether or not the store happens.
        bool pass = core.ExclusiveOpen && core.ExclusiveAddress == address;
        core.ExclusiveOpen = false;
        if (pass)
        {
            uint value = core.R[t];
            switch (size)
            {
                case 1: core.Memory.Write8(address, value); break;
                case 2: core.Memory.Write16(address, value); break;
                default: core.Memory.Write32(address, value); break;
            }
        }
        core.R[d] = pass ? 0u : 1u;
        core.Retire(new Retired(OpClass.Exclusive, 1, address, Operand: 1u << d));
        return true;
    }
}
