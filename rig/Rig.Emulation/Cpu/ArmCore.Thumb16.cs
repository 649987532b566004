using Rig.Emulation.Cpu.Exceptions;
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using Rig.Emulation.Timing;

namespace Rig.Emulation.Cpu;

/// <summary>
/// The 16-bit Thumb encodings: ARMv6-M complete (ARMv6-M ARM A5.2) plus the ARMv7-M ones
/// (CBZ/CBNZ, IT; ARMv7-M ARM A5.2), decoded on the top bits of the halfword. "Flags only outside
/// an IT block": the 16-bit data-processing encodings set flags when <see cref="InItBlock"/> is
/// false (ARMv7-M A5.2 note on setflags = !InITBlock()); on ARMv6-M there is no IT block.
/// </summary>
public sealed partial class ArmCore
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    void Execute16(ushort hw)
    {
        switch (hw >> 11)
        {
            case 0b00000: ShiftImmediate(hw, 0); break;
            case 0b00001: ShiftImmediate(hw, 1); break;
            case 0b00010: ShiftImmediate(hw, 2); break;
            case 0b00011: AddSubtract3(hw); break;
            case 0b00100: // MOVS Rd, #imm8
            {
                var r = (uint)(hw & 0xFF);
                R[(hw >> 8) & 7] = r;
                if (!InItBlock) SetNz(r);
                Retire(new Retired(OpClass.Alu));
                break;
            }
            case 0b00101: // CMP Rn, #imm8
                AddFlags(R[(hw >> 8) & 7], ~(uint)(hw & 0xFF), true);
                Retire(new Retired(OpClass.Alu));
                break;
            case 0b00110: // ADDS Rdn, #imm8
            {
                var d = (hw >> 8) & 7;
                R[d] = InItBlock ? R[d] + (uint)(hw & 0xFF) : AddFlags(R[d], (uint)(hw & 0xFF), false);
                Retire(new Retired(OpClass.Alu));
                break;
            }
            case 0b00111: // SUBS Rdn, #imm8
            {
                var d = (hw >> 8) & 7;
                R[d] = InItBlock ? R[d] - (uint)(hw & 0xFF) : AddFlags(R[d], ~(uint)(hw & 0xFF), true);
                Retire(new Retired(OpClass.Alu));
                break;
            }
            case 0b01000:
                if ((hw & 0x0400) == 0) DataProcessing(hw);
                else SpecialDataOrBranchExchange(hw);
                break;
            case 0b01001: // LDR Rt, [PC, #imm8*4]
            {
                var address = ((Pc + 4) & ~3u) + (uint)((hw & 0xFF) << 2);
                R[(hw >> 8) & 7] = Load32(address);
                Retire(new Retired(OpClass.Load, Address: address));
                break;
            }
            case 0b01010:
            case 0b01011: LoadStoreRegister(hw); break;
            case 0b01100: StoreImmediate5(hw, 4); break; // STR Rt, [Rn, #imm5*4]
            case 0b01101: LoadImmediate5(hw, 4); break;  // LDR Rt, [Rn, #imm5*4]
            case 0b01110: StoreImmediate5(hw, 1); break; // STRB Rt, [Rn, #imm5]
            case 0b01111: LoadImmediate5(hw, 1); break;  // LDRB Rt, [Rn, #imm5]
            case 0b10000: StoreImmediate5(hw, 2); break; // STRH Rt, [Rn, #imm5*2]
            case 0b10001: LoadImmediate5(hw, 2); break;  // LDRH Rt, [Rn, #imm5*2]
            case 0b10010: // STR Rt, [SP, #imm8*4]
            {
                var address = R[13] + (uint)((hw & 0xFF) << 2);
                Store32(address, R[(hw >> 8) & 7]);
                Retire(new Retired(OpClass.Store, Address: address));
                break;
            }
            case 0b10011: // LDR Rt, [SP, #imm8*4]
            {
                var address = R[13] + (uint)((hw & 0xFF) << 2);
                R[(hw >> 8) & 7] = Load32(address);
                Retire(new Retired(OpClass.Load, Address: address));
                break;
            }
            case 0b10100: // ADR Rd, label
                R[(hw >> 8) & 7] = ((Pc + 4) & ~3u) + (uint)((hw & 0xFF) << 2);
                Retire(new Retired(OpClass.Alu));
                break;
            case 0b10101: // ADD Rd, SP, #imm8*4
                R[(hw >> 8) & 7] = R[13] + (uint)((hw & 0xFF) << 2);
                Retire(new Retired(OpClass.Alu));
                break;
            case 0b10110:
            case 0b10111: Miscellaneous16(hw); break;
            case 0b11000: StoreMultiple(hw); break;
            case 0b11001: LoadMultiple(hw); break;
            case 0b11010:
            case 0b11011: ConditionalBranchOrSvc(hw); break;
            case 0b11100: // B label (imm11)
            {
                var offset = (uint)(((int)(uint)(hw << 21)) >> 20);
                BranchWritePc(Pc + 4 + offset);
                Retire(new Retired(OpClass.Branch, Taken: true));
                break;
            }
            default:
                Undefined(hw, 0);
                break;
        }
    }

    /// <summary>LSLS/LSRS/ASRS Rd, Rm, #imm5 (LSL #0 is MOVS Rd, Rm: N and Z only).</summary>
    void ShiftImmediate(ushort hw, int type)
    {
        var m = R[(hw >> 3) & 7];
        var imm = (hw >> 6) & 0x1F;
        uint r;
        bool carry = C;
        switch (type)
        {
            case 0:
                if (imm == 0) r = m;
                else { carry = ((m >> (32 - imm)) & 1) != 0; r = m << imm; }
                break;
            case 1: // imm 0 means 32
                if (imm == 0) { carry = (m >> 31) != 0; r = 0; }
                else { carry = ((m >> (imm - 1)) & 1) != 0; r = m >> imm; }
                break;
            default:
                if (imm == 0) { carry = (m >> 31) != 0; r = (uint)((int)m >> 31); }
                else { carry = (((int)m >> (imm - 1)) & 1) != 0; r = (uint)((int)m >> imm); }
                break;
        }
        R[hw & 7] = r;
        if (!InItBlock)
        {
            SetNz(r);
            C = carry;
        }
        Retire(new Retired(OpClass.Alu));
    }

    /// <summary>ADDS/SUBS Rd, Rn, Rm and ADDS/SUBS Rd, Rn, #imm3.</summary>
    void AddSubtract3(ushort hw)
    {
        var n = R[(hw >> 3) & 7];
        var operand = (hw & 0x0400) != 0 ? (uint)((hw >> 6) & 7) : R[(hw >> 6) & 7];
        var subtract = (hw & 0x0200) != 0;
        uint r;
        if (InItBlock) r = subtract ? n - operand : n + operand;
        else r = subtract ? AddFlags(n, ~operand, true) : AddFlags(n, operand, false);
        R[hw & 7] = r;
        Retire(new Retired(OpClass.Alu));
    }

    /// <summary>The sixteen data-processing operations on low registers (A5.2.2).</summary>
    void DataProcessing(ushort hw)
    {
        var d = hw & 7;
        var m = R[(hw >> 3) & 7];
        var dn = R[d];
        var flags = !InItBlock;
        var cls = OpClass.Alu;
        uint r;
        switch ((hw >> 6) & 0xF)
        {
            case 0x0: r = dn & m; break; // AND
            case 0x1: r = dn ^ m; break; // EOR
            case 0x2: r = flags ? ShiftByRegister(dn, m, 0) : Shift(dn, m, 0); break; // LSL
            case 0x3: r = flags ? ShiftByRegister(dn, m, 1) : Shift(dn, m, 1); break; // LSR
            case 0x4: r = flags ? ShiftByRegister(dn, m, 2) : Shift(dn, m, 2); break; // ASR
            case 0x5: // ADC
                r = flags ? AddFlags(dn, m, C) : dn + m + (C ? 1u : 0u);
                R[d] = r;
                Retire(new Retired(cls));
                return;
            case 0x6: // SBC
                r = flags ? AddFlags(dn, ~m, C) : dn + ~m + (C ? 1u : 0u);
                R[d] = r;
                Retire(new Retired(cls));
                return;
            case 0x7: r = flags ? ShiftByRegister(dn, m, 3) : Shift(dn, m, 3); break; // ROR
            case 0x8: // TST
                SetNz(dn & m);
                Retire(new Retired(cls));
                return;
            case 0x9: // RSB Rd, Rn, #0
                R[d] = flags ? AddFlags(~m, 0, true) : 0u - m;
                Retire(new Retired(cls));
                return;
            case 0xA: // CMP
                AddFlags(dn, ~m, true);
                Retire(new Retired(cls));
                return;
            case 0xB: // CMN
                AddFlags(dn, m, false);
                Retire(new Retired(cls));
                return;
            case 0xC: r = dn | m; break; // ORR
            case 0xD: r = dn * m; cls = OpClass.Multiply; break; // MUL: N, Z only (C unchanged on ARMv6-M/v7-M)
            case 0xE: r = dn & ~m; break; // BIC
            default: r = ~m; break; // MVN
        }
        R[d] = r;
        if (flags) SetNz(r);
        Retire(new Retired(cls, Operand: dn, Operand2: m));
    }

    /// <summary>A shift by register without touching the flags (inside an IT block).</summary>
    static uint Shift(uint value, uint amount, int type)
    {
        amount &= 0xFF;
        if (amount == 0) return value;
        return type switch
        {
            0 => amount < 32 ? value << (int)amount : 0,
            1 => amount < 32 ? value >> (int)amount : 0,
            2 => (uint)((int)value >> (int)Math.Min(amount, 31)),
            _ => BitOperations.RotateRight(value, (int)(amount & 31)),
        };
    }

    /// <summary>ADD/CMP/MOV on any registers, BX and BLX (A5.2.3).</summary>
    void SpecialDataOrBranchExchange(ushort hw)
    {
        var m = (hw >> 3) & 0xF;
        var d = (hw & 7) | ((hw >> 4) & 8);
        switch ((hw >> 8) & 3)
        {
            case 0: // ADD Rdn, Rm (no flags)
            {
                var r = ReadReg(d) + ReadReg(m);
                if (d == 15)
                {
                    BranchWritePc(r);
                    Retire(new Retired(OpClass.AluWritesPc, Taken: true));
                }
                else
                {
                    WriteRegister(d, r);
                    Retire(new Retired(OpClass.Alu));
                }
                break;
            }
            case 1: // CMP Rn, Rm
                AddFlags(ReadReg(d), ~ReadReg(m), true);
                Retire(new Retired(OpClass.Alu));
                break;
            case 2: // MOV Rd, Rm (no flags)
            {
                var r = ReadReg(m);
                if (d == 15)
                {
                    BranchWritePc(r);
                    Retire(new Retired(OpClass.AluWritesPc, Taken: true));
                }
                else
                {
                    WriteRegister(d, r);
                    Retire(new Retired(OpClass.Alu));
                }
                break;
            }
            default: // BX Rm / BLX Rm
            {
                if ((hw & 7) != 0) { Undefined(hw, 0); return; }
                var target = ReadReg(m);
                if ((hw & 0x80) != 0)
                {
                    if (m == 15) { Undefined(hw, 0); return; }
                    R[14] = (Pc + 2) | 1;
                    BxWritePc(target);
                    if (flowKind == ControlFlow.Return) flowKind = ControlFlow.Call;
                    Retire(new Retired(OpClass.BranchLinkExchange, Taken: true));
                }
                else
                {
                    BxWritePc(target);
                    Retire(new Retired(OpClass.BranchExchange, Taken: true));
                }
                break;
            }
        }
    }

    /// <summary>A register write that is not to the PC; SP writes keep bits 1:0 clear and update the high-water mark.</summary>
    void WriteRegister(int d, uint value)
    {
        if (d == 13)
        {
            value &= ~3u;
            if (value < LowestSp) LowestSp = value;
        }
        R[d] = value;
    }

    /// <summary>LDR/LDRB/LDRH Rt, [Rn, #imm5 * size]: the offset scaled by the access size (encodings T1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void LoadImmediate5(ushort hw, uint size)
    {
        var address = R[(hw >> 3) & 7] + ((uint)(hw >> 6) & 0x1F) * size;
        R[hw & 7] = size switch { 4 => Load32(address), 2 => Load16(address), _ => Load8(address) };
        Retire(new Retired(OpClass.Load, Address: address));
    }

    /// <summary>STR/STRB/STRH Rt, [Rn, #imm5 * size] (encodings T1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void StoreImmediate5(ushort hw, uint size)
    {
        var address = R[(hw >> 3) & 7] + ((uint)(hw >> 6) & 0x1F) * size;
        switch (size)
        {
            case 4: Store32(address, R[hw & 7]); break;
            case 2: Store16(address, R[hw & 7]); break;
            default: Store8(address, R[hw & 7]); break;
        }
        Retire(new Retired(OpClass.Store, Address: address));
    }

    /// <summary>STR/STRH/STRB/LDRSB/LDR/LDRH/LDRB/LDRSH Rt, [Rn, Rm] (A5.2.4).</summary>
    void LoadStoreRegister(ushort hw)
    {
        var t = hw & 7;
        var address = R[(hw >> 3) & 7] + R[(hw >> 6) & 7];
        switch ((hw >> 9) & 7)
        {
            case 0: Store32(address, R[t]); Retire(new Retired(OpClass.Store, Address: address)); return;
            case 1: Store16(address, R[t]); Retire(new Retired(OpClass.Store, Address: address)); return;
            case 2: Store8(address, R[t]); Retire(new Retired(OpClass.Store, Address: address)); return;
            case 3: R[t] = (uint)(sbyte)Load8(address); break;
            case 4: R[t] = Load32(address); break;
            case 5: R[t] = Load16(address); break;
            case 6: R[t] = Load8(address); break;
            default: R[t] = (uint)(short)Load16(address); break;
        }
        Retire(new Retired(OpClass.Load, Address: address));
    }

    /// <summary>Miscellaneous 16-bit instructions (A5.2.5): SP adjust, CBZ/CBNZ, extends, PUSH/POP, CPS, REV, BKPT, IT, hints.</summary>
    void Miscellaneous16(ushort hw)
    {
        switch ((hw >> 8) & 0xF)
        {
            case 0x0: // ADD/SUB SP, SP, #imm7*4
            {
                var imm = (uint)((hw & 0x7F) << 2);
                WriteRegister(13, (hw & 0x80) != 0 ? R[13] - imm : R[13] + imm);
                Retire(new Retired(OpClass.Alu));
                return;
            }
            case 0x1: case 0x3: case 0x9: case 0xB: // CBZ / CBNZ
            {
                if (!IsM4 || InItBlock) { Undefined(hw, 0); return; }
                var zero = R[hw & 7] == 0;
                var taken = zero == ((hw & 0x0800) == 0);
                if (taken) BranchWritePc(Pc + 4 + (uint)((((hw >> 9) & 1) << 6) | (((hw >> 3) & 0x1F) << 1)));
                Retire(new Retired(OpClass.CompareBranch, Taken: taken));
                return;
            }
            case 0x2: // SXTH, SXTB, UXTH, UXTB
            {
                var m = R[(hw >> 3) & 7];
                R[hw & 7] = ((hw >> 6) & 3) switch
                {
                    0 => (uint)(short)m,
                    1 => (uint)(sbyte)m,
                    2 => m & 0xFFFF,
                    _ => m & 0xFF,
                };
                Retire(new Retired(OpClass.Alu));
                return;
            }
            case 0x4: case 0x5: Push(hw); return;
            case 0x6:
                if ((hw & 0xFFE8) == 0xB660) { ChangeProcessorState(hw); return; }
                break;
            case 0xA: // REV, REV16, REVSH
            {
                var m = R[(hw >> 3) & 7];
                switch ((hw >> 6) & 3)
                {
                    case 0: R[hw & 7] = BinaryPrimitives.ReverseEndianness(m); break;
                    case 1: R[hw & 7] = ((m >> 8) & 0x00FF00FFu) | ((m << 8) & 0xFF00FF00u); break;
                    case 3: R[hw & 7] = (uint)(short)(ushort)(((m >> 8) & 0xFF) | ((m & 0xFF) << 8)); break;
                    default: Undefined(hw, 0); return;
                }
                Retire(new Retired(OpClass.Alu));
                return;
            }
            case 0xC: case 0xD: Pop(hw); return;
            case 0xE: Breakpoint((uint)(hw & 0xFF)); return;
            case 0xF: IfThenOrHint(hw); return;
        }
        Undefined(hw, 0);
    }

    void Push(ushort hw)
    {
        var list = (uint)(hw & 0xFF) | ((hw & 0x100) != 0 ? 1u << 14 : 0);
        if (list == 0) { Undefined(hw, 0); return; }
        var count = BitOperations.PopCount(list);
        var address = R[13] - (uint)(4 * count);
        var a = address;
        for (var i = 0; i < 15; i++)
        {
            if ((list & (1u << i)) == 0) continue;
            StoreAligned32(a, R[i]);
            a += 4;
        }
        WriteRegister(13, address);
        Retire(new Retired(OpClass.StoreMultiple, Registers: count, Address: address));
    }

    void Pop(ushort hw)
    {
        var list = (uint)(hw & 0xFF) | ((hw & 0x100) != 0 ? 1u << 15 : 0);
        if (list == 0) { Undefined(hw, 0); return; }
        var count = BitOperations.PopCount(list);
        var address = R[13];
        var a = address;
        for (var i = 0; i < 8; i++)
        {
            if ((list & (1u << i)) == 0) continue;
            R[i] = LoadAligned32(a);
            a += 4;
        }
        if ((list & 0x8000) != 0)
        {
            var target = LoadAligned32(a);
            R[13] = a + 4;
            BxWritePc(target);
            Retire(new Retired(OpClass.LoadMultipleWritesPc, Registers: count, Address: address, Taken: true));
            return;
        }
        R[13] = a;
        Retire(new Retired(OpClass.LoadMultiple, Registers: count, Address: address));
    }

    /// <summary>STMIA Rn!, {list}.</summary>
    void StoreMultiple(ushort hw)
    {
        var n = (hw >> 8) & 7;
        var list = (uint)(hw & 0xFF);
        if (list == 0) { Undefined(hw, 0); return; }
        var address = R[n];
        var a = address;
        for (var i = 0; i < 8; i++)
        {
            if ((list & (1u << i)) == 0) continue;
            StoreAligned32(a, R[i]);
            a += 4;
        }
        R[n] = a;
        Retire(new Retired(OpClass.StoreMultiple, Registers: BitOperations.PopCount(list), Address: address));
    }

    /// <summary>LDMIA Rn{!}, {list}: writeback unless Rn is in the list.</summary>
    void LoadMultiple(ushort hw)
    {
        var n = (hw >> 8) & 7;
        var list = (uint)(hw & 0xFF);
        if (list == 0) { Undefined(hw, 0); return; }
        var address = R[n];
        var a = address;
        for (var i = 0; i < 8; i++)
        {
            if ((list & (1u << i)) == 0) continue;
            R[i] = LoadAligned32(a);
            a += 4;
        }
        if ((list & (1u << n)) == 0) R[n] = a;
        Retire(new Retired(OpClass.LoadMultiple, Registers: BitOperations.PopCount(list), Address: address));
    }

    /// <summary>B&lt;cond&gt; (imm8), UDF (cond 1110) and SVC (cond 1111).</summary>
    void ConditionalBranchOrSvc(ushort hw)
    {
        var cond = (uint)(hw >> 8) & 0xF;
        if (cond == 0xE) { Undefined(hw, 0); return; }
        if (cond == 0xF)
        {
            Retire(new Retired(OpClass.Supervisor));
            pendingSync = ExceptionNumbers.SvCall;
            return;
        }
        if (InItBlock) { Undefined(hw, 0); return; } // B<c> is UNPREDICTABLE inside an IT block
        var taken = ConditionPassed(cond);
        if (taken) BranchWritePc(Pc + 4 + (uint)(((int)(uint)(hw << 24)) >> 23));
        Retire(new Retired(OpClass.Branch, Taken: taken));
    }

    /// <summary>CPSIE/CPSID i (and f on the M4): ignored when unprivileged.</summary>
    void ChangeProcessorState(ushort hw)
    {
        var disable = (hw & 0x10) != 0;
        if ((hw & 1) != 0 && !IsM4) { Undefined(hw, 0); return; }
        if ((hw & 4) != 0) { Undefined(hw, 0); return; } // the A bit does not exist on M-profile
        if (Privileged)
        {
            if ((hw & 2) != 0) Primask = disable ? 1u : 0u;
            if ((hw & 1) != 0 && (!disable || ExecutionPriority() > -1)) Faultmask = disable ? 1u : 0u;
            RequestAttention();
        }
        Retire(new Retired(OpClass.Alu)); // CPS: 1 cycle (ARM DDI 0484C table 3-1), unlike MRS/MSR
    }

    /// <summary>IT (mask non-zero) or a hint: NOP, YIELD, WFE, WFI, SEV.</summary>
    void IfThenOrHint(ushort hw)
    {
        if ((hw & 0xF) != 0)
        {
            var firstCond = (uint)(hw >> 4) & 0xF;
            // IT inside an IT block, IT with condition 1111, or AL with a mask that has an "else": UNPREDICTABLE.
            if (!IsM4 || InItBlock || firstCond == 0xF || (firstCond == 0xE && BitOperations.PopCount((uint)(hw & 0xF)) != 1))
            {
                Undefined(hw, 0);
                return;
            }
            ItState = (uint)(hw & 0xFF);
            Retire(new Retired(OpClass.Alu));
            return;
        }
        switch ((hw >> 4) & 0xF)
        {
            // The hint number goes to the cycle model as Operand (WFE/WFI differ from NOP in time).
            case 0: case 1: // NOP, YIELD
                Retire(new Retired(OpClass.Hint, Operand: (uint)(hw >> 4) & 0xF));
                return;
            case 2: // WFE
                Retire(new Retired(OpClass.Hint, Operand: Hints.Wfe));
                WaitForEvent();
                return;
            case 3: // WFI
                Retire(new Retired(OpClass.Hint, Operand: Hints.Wfi));
                WaitForInterrupt();
                return;
            case 4: // SEV (single core: sets our own event register)
                EventRegister = true;
                Retire(new Retired(OpClass.Hint, Operand: Hints.Sev));
                return;
        }
        // Other hint values execute as NOP on ARMv7-M (A5.2.5); ARMv6-M lists only these five.
        if (IsM4) { Retire(new Retired(OpClass.Hint)); return; }
        Undefined(hw, 0);
    }

    /// <summary>BKPT #imm: stops the run (the emulator is the debugger); 0xAB is a semihosting call.</summary>
    void Breakpoint(uint imm)
    {
        Retire(new Retired(OpClass.Breakpoint));
        if (imm == 0xAB && R[0] == 0x18)
        {
            // ARM semihosting SYS_EXIT: r1 is ADP_Stopped_ApplicationExit (0x20026) or a pointer/code.
            StopRun(StopReason.Exit, $"semihosting SYS_EXIT (r1 = 0x{R[1]:X})");
            return;
        }
        StopRun(StopReason.Breakpoint, $"BKPT #0x{imm:X2}");
    }

    /// <summary>An UNDEFINED encoding: the architecture's HardFault (UsageFault UNDEFINSTR escalated).</summary>
    void Undefined(ushort hw1, ushort hw2) =>
        throw new CpuFaultException(FaultKind.Undefined, Pc, $"undefined instruction{HalfwordsText(hw1, hw2)}");
}
