using Rig.Emulation.Timing;

namespace Rig.Emulation.Cpu;

/// <summary>
/// The 32-bit encodings ARMv6-M has (ARMv6-M ARM A5.3 "Branch and miscellaneous control"): BL,
/// MSR, MRS, DMB, DSB, ISB, UDF.W. Every other 32-bit encoding goes to the Thumb-2 executor on
/// the Cortex-M4 and is UNDEFINED on the Cortex-M0+.
/// </summary>
public sealed partial class ArmCore
{
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    void Execute32(ushort hw1, ushort hw2)
    {
        // 11110 xxxxxxxxxxx / 1xxx: branches and miscellaneous control.
        if ((hw1 & 0xF800) == 0xF000 && (hw2 & 0x8000) != 0)
        {
            var op1 = (hw1 >> 4) & 0x7F;
            var op2 = (hw2 >> 12) & 7;
            if ((op2 & 5) == 5) { BranchLink(hw1, hw2); return; }
            if ((op2 & 5) == 0)
            {
                if ((op1 & 0x7E) == 0x38) { MoveToSpecial(hw1, hw2); return; }
                if (op1 == 0x3B && ((hw2 >> 4) & 0xF) is >= 4 and <= 6) { Barrier(hw1, hw2); return; } // CLREX (op 2) is ARMv7-M: the Thumb-2 executor's
                if ((op1 & 0x7E) == 0x3E) { MoveFromSpecial(hw1, hw2); return; }
            }
            if (op1 == 0x7F && op2 == 2) Undefined(hw1, hw2); // UDF.W: permanently undefined
        }
        if (Thumb32 is null) Undefined(hw1, hw2);
        else if (!(thumb2 is { } t2 ? t2.Execute(this, hw1, hw2) : Thumb32.Execute(this, hw1, hw2))) Unimplemented(hw1, hw2);
        // Any Thumb-2 encoding may write the SP (SUB.W SP, PUSH.W/STMDB SP!, STR Rt, [SP, #-n]!, VPUSH, ...):
        // one comparison here keeps the stack high-water exact without a case in every executor.
        NoteStackPointer();
    }

    /// <summary>Lowers <see cref="LowestSp"/> to the current SP.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    void NoteStackPointer()
    {
        var sp = R[13];
        if (sp < LowestSp) LowestSp = sp;
    }

    /// <summary>BL label: LR = next instruction | 1, PC += SignExtend(S:I1:I2:imm10:imm11:0).</summary>
    void BranchLink(ushort hw1, ushort hw2)
    {
        var s = (hw1 >> 10) & 1;
        var i1 = ~((hw2 >> 13) ^ s) & 1;
        var i2 = ~((hw2 >> 11) ^ s) & 1;
        var imm = (s << 24) | (i1 << 23) | (i2 << 22) | ((hw1 & 0x3FF) << 12) | ((hw2 & 0x7FF) << 1);
        var offset = (uint)((imm << 7) >> 7);
        R[14] = (Pc + 4) | 1;
        BranchWritePc(Pc + 4 + offset);
        NoteFlow(ControlFlow.Call);
        Retire(new Retired(OpClass.BranchLink, Taken: true));
    }

    /// <summary>DSB, DMB, ISB (option field ignored: one core, in-order memory).</summary>
    void Barrier(ushort hw1, ushort hw2)
    {
        var op = (hw2 >> 4) & 0xF;
        if (op is < 4 or > 6) Undefined(hw1, hw2);
        Retire(new Retired(OpClass.Barrier));
    }

    /// <summary>MRS Rd, spec_reg (ARMv6-M B4.2.2 / ARMv7-M B5.2.2): EPSR bits read as zero.</summary>
    void MoveFromSpecial(ushort hw1, ushort hw2)
    {
        var d = (hw2 >> 8) & 0xF;
        if (d is 13 or 15) Undefined(hw1, hw2);
        var sysm = hw2 & 0xFF;
        uint value;
        switch (sysm >> 3)
        {
            case 0:
                value = 0;
                if ((sysm & 1) != 0) value |= Ipsr;
                if ((sysm & 4) == 0) value |= Xpsr & (IsM4 ? 0xF80F_0000u : 0xF000_0000u);
                break;
            case 1:
                value = sysm switch { 8 => Msp, 9 => Psp, _ => Reject(hw1, hw2) };
                break;
            case 2:
                value = sysm switch
                {
                    16 => Primask,
                    17 when IsM4 => Basepri,
                    18 when IsM4 => Basepri,
                    19 when IsM4 => Faultmask,
                    20 => Control,
                    _ => Reject(hw1, hw2),
                };
                break;
            default:
                value = Reject(hw1, hw2);
                break;
        }
        R[d] = value;
        Retire(new Retired(OpClass.StatusRegister));
    }

    /// <summary>MSR spec_reg, Rn: flags from any mode, the rest only when privileged.</summary>
    void MoveToSpecial(ushort hw1, ushort hw2)
    {
        var n = hw1 & 0xF;
        if (n is 13 or 15) Undefined(hw1, hw2);
        var value = R[n];
        var sysm = hw2 & 0xFF;
        var mask = (hw2 >> 10) & 3;
        switch (sysm >> 3)
        {
            case 0:
                if ((sysm & 4) == 0)
                {
                    // ARMv6-M writes N Z C V; ARMv7E-M: mask bit 1 = NZCVQ, mask bit 0 = GE.
                    if (!IsM4 || (mask & 2) != 0)
                    {
                        N = (value & 0x8000_0000u) != 0;
                        Z = (value & 0x4000_0000u) != 0;
                        C = (value & 0x2000_0000u) != 0;
                        V = (value & 0x1000_0000u) != 0;
                        if (IsM4) Q = (value & 0x0800_0000u) != 0;
                    }
                    if (IsM4 && (mask & 1) != 0) GE = (value >> 16) & 0xF;
                }
                break;
            case 1:
                if (!Privileged) break;
                if (sysm == 8) Msp = value;
                else if (sysm == 9) Psp = value;
                else Reject(hw1, hw2);
                NoteStackPointer();
                break;
            case 2:
                if (!Privileged) break;
                switch (sysm)
                {
                    case 16: Primask = value & 1; break;
                    case 17 when IsM4: Basepri = value & 0xFF; break;
                    case 18 when IsM4:
                        var v = value & 0xFF;
                        if (v != 0 && (v < Basepri || Basepri == 0)) Basepri = v;
                        break;
                    case 19 when IsM4:
                        if (ExecutionPriority() > -1) Faultmask = value & 1;
                        break;
                    case 20: WriteControl(value); break;
                    default: Reject(hw1, hw2); break;
                }
                RequestAttention();
                break;
            default:
                Reject(hw1, hw2);
                break;
        }
        Retire(new Retired(OpClass.StatusRegister));
    }

    /// <summary>MSR CONTROL: nPRIV; SPSEL only in thread mode (it switches the stack at once); FPCA on the M4F.</summary>
    public void WriteControl(uint value)
    {
        var keep = IsM4 ? 7u : 3u;
        var control = (Control & ~keep) | (value & keep);
        if (Ipsr != 0) control = (control & ~2u) | (Control & 2u);
        Control = control;
        SelectStack(Ipsr == 0 && (Control & 2) != 0);
        NoteStackPointer();
    }

    /// <summary>Makes R[13] the PSP (true) or the MSP, banking the other.</summary>
    void SelectStack(bool psp)
    {
        if (psp == spIsPsp) return;
        (R[13], otherSp) = (otherSp, R[13]);
        spIsPsp = psp;
    }

    uint Reject(ushort hw1, ushort hw2)
    {
        Undefined(hw1, hw2);
        return 0;
    }
}
