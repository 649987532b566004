using Rig.Emulation.Timing;

namespace Rig.Emulation.Cpu.Thumb32;

// A5.3.4 branches and miscellaneous control: B.W (T3 with its own condition, T4), the 32-bit
// hints (NOP/YIELD/WFE/WFI/SEV.W, DBG), CLREX. BL, MSR, MRS, DMB, DSB, ISB and UDF.W are ARMv6-M encodings: the core's.
public sealed partial class Thumb2Executor
{
    static bool BranchesAndMiscControl(ArmCore core, uint a, uint b)
    {
        uint op1 = (b >> 12) & 7, op = (a >> 4) & 0x7F;
        uint s = (a >> 10) & 1, j1 = (b >> 13) & 1, j2 = (b >> 11) & 1;
        if ((op1 & 5) == 1)
        {
            // B T4: imm32 = SignExtend(S:I1:I2:imm10:imm11:'0'), I1 = NOT(J1 XOR S), I2 = NOT(J2 XOR S).
            uint i1 = ~(j1 ^ s) & 1, i2 = ~(j2 ^ s) & 1;
            uint imm = s << 24 | i1 << 23 | i2 << 22 | (a & 0x3FF) << 12 | (b & 0x7FF) << 1;
            uint target = core.Pc + 4 + (uint)((int)(imm << 7) >> 7);
            CoreBridge.Branch(core, target);
            core.Retire(new Retired(OpClass.Branch, Taken: true, Operand: target));
            return true;
        }
        if ((op1 & 5) != 0) return false; // BL (core), BLX T2 (undefined on M profile)
        if ((op & 0x38) != 0x38)
        {
            // B<c> T3: imm32 = SignExtend(S:J2:J1:imm6:imm11:'0').
            uint imm = s << 20 | j2 << 19 | j1 << 18 | (a & 0x3F) << 12 | (b & 0x7FF) << 1;
            uint target = core.Pc + 4 + (uint)((int)(imm << 11) >> 11);
            bool taken = ConditionPassed(core, (a >> 6) & 0xF);
            if (taken) CoreBridge.Branch(core, target);
            core.Retire(new Retired(OpClass.Branch, Taken: taken, Operand: target));
            return true;
        }
        if (op == 0x3A && (b & 0x700) == 0)
        {
            // The 32-bit hints (A5.3.4), as their 16-bit twins; the hint number goes to the cycle model.
            uint hint = b & 0xFF;
            switch (hint)
            {
                case Hints.Wfe:
                    core.Retire(new Retired(OpClass.Hint, Operand: Hints.Wfe));
                    core.WaitForEvent();
                    return true;
                case Hints.Wfi:
                    core.Retire(new Retired(OpClass.Hint, Operand: Hints.Wfi));
                    core.WaitForInterrupt();
                    return true;
                case Hints.Sev: // one core: sets its own event register
                    core.EventRegister = true;
                    break;
            }
            // NOP.W, YIELD.W, DBG and the unallocated hints execute as NOP (A5.3.4).
            core.Retire(new Retired(OpClass.Hint, Operand: hint < 5 ? hint : 0));
            return true;
        }
        if (op == 0x3B && ((b >> 4) & 0xF) == 2)
        {
            core.ExclusiveOpen = false; // CLREX: ClearExclusiveLocal
            core.Retire(new Retired(OpClass.Hint));
            return true;
        }
        return false;
    }
}
