using Rig.Emulation.Timing;

namespace Rig.Emulation.Cpu.Thumb32;

// A6 floating-point (FPv4-SP, coprocessors 10 and 11). The shipped M4 images are built with
// -mfloat-abi=soft and leave the FPU off (firmware/boards/README.md), so none of this runs on
// them; it is here for images that enable the FPU. Every access first checks CPACR (B3.2.20):
// no access -> UsageFault NOCP. Implemented: VLDR/VSTR, VLDM/VSTM/VPUSH/VPOP, every VMOV between
// core and extension registers, VMOV register/immediate, VMRS/VMSR, and the single-precision
// arithmetic in round-to-nearest (VADD, VSUB, VMUL, VNMUL, VDIV, VMLA/VMLS, VNMLA/VNMLS,
// VFMA/VFMS, VFNMA/VFNMS, VABS, VNEG, VSQRT, VCMP/VCMPE, VCVT between F32 and S32/U32).
// Not modelled: FPSCR cumulative exception flags, the RMode/FZ/DN modes (reset values assumed),
// half-precision and fixed-point VCVT; those encodings answer false (the run stops naming them).
public sealed partial class Thumb2Executor
{
    static bool Coprocessor(ArmCore core, uint a, uint b)
    {
        uint coproc = (b >> 8) & 0xF;
        if ((coproc & 0xE) != 0xA || !CoreBridge.FpuAccessible(core))
            return CoreBridge.UsageFault(core, FaultKind.NoCoprocessor);
        if ((a & 0x1000) != 0) return false; // 1111 11xx: the unconditional space (ARMv8 VSEL etc.)
        if ((a & 0x0E00) == 0x0C00) return ExtensionLoadStore(core, a, b);
        if ((a & 0x0F00) != 0x0E00) return false;
        if ((b & 0x10) != 0) return CoreTransfer(core, a, b);
        if (coproc == 0xB) return false; // double-precision arithmetic: not in FPv4-SP
        return FloatDataProcessing(core, a, b);
    }

    static void RetireFloat(ArmCore core) => core.Retire(new Retired(OpClass.Floating));

    /// <summary>VLDR, VSTR, VLDM, VSTM, VPUSH, VPOP and the 64-bit VMOVs (A6.6 "Extension register load or store instructions").</summary>
    static bool ExtensionLoadStore(ArmCore core, uint a, uint b)
    {
        bool p = (a & 0x100) != 0, u = (a & 0x80) != 0, w = (a & 0x20) != 0, load = (a & 0x10) != 0;
        bool dbl = (b & 0x100) != 0;
        int n = (int)(a & 0xF);
        uint dBit = (a >> 6) & 1, vd = (b >> 12) & 0xF;
        if (!p && !u && !w) return (a & 0x1E0) == 0x40 && TwoRegisterMove(core, a, b);
        // First single register: Vd:D; a double Dd = D:Vd covers S(2d), S(2d+1) (D16-D31 do not exist).
        int first;
        if (dbl)
        {
            if (dBit != 0) return false;
            first = (int)(vd << 1);
        }
        else first = (int)(vd << 1 | dBit);
        uint imm8 = b & 0xFF;
        if (p && !w)
        {
            // VLDR/VSTR: one register at Rn +/- imm8*4 (Rn = PC: Align(PC, 4)).
            uint baseAddress = n == 15 ? (core.Pc + 4) & ~3u : core.R[n];
            uint address = u ? baseAddress + (imm8 << 2) : baseAddress - (imm8 << 2);
            if ((address & 3) != 0) return CoreBridge.UsageFault(core, FaultKind.Unaligned, address);
            int words = dbl ? 2 : 1;
            Transfer(core, load, address, first, words);
            core.Retire(new Retired(load ? OpClass.Load : OpClass.Store, words, address));
            return true;
        }
        if (p == u || (p && !w)) return false; // P = U = 1 or P = 1 with W = 0 handled above: UNDEFINED combinations
        if (n == 15) return false;
        int count = dbl ? (int)(imm8 >> 1) * 2 : (int)imm8;
        if (count == 0 || first + count > 32) return false;
        uint start = core.R[n];
        uint lowest = u ? start : start - 4u * (uint)count;
        if ((lowest & 3) != 0) return CoreBridge.UsageFault(core, FaultKind.Unaligned, lowest);
        Transfer(core, load, lowest, first, count);
        if (w) core.R[n] = u ? start + 4u * (uint)count : lowest;
        core.Retire(new Retired(load ? OpClass.LoadMultiple : OpClass.StoreMultiple, count, lowest));
        return true;
    }

    static void Transfer(ArmCore core, bool load, uint address, int first, int words)
    {
        for (int i = 0; i < words; i++, address += 4)
            if (load) core.S[first + i] = core.Memory.Read32(address);
            else core.Memory.Write32(address, core.S[first + i]);
    }

    /// <summary>VMOV Sm, Sm1, Rt, Rt2 / VMOV Dm, Rt, Rt2 and back (op = hw1 bit 4: to the core).</summary>
    static bool TwoRegisterMove(ArmCore core, uint a, uint b)
    {
        if ((b & 0xD0) != 0x10) return false;
        int t = (int)((b >> 12) & 0xF), t2 = (int)(a & 0xF);
        uint vm = b & 0xF, mBit = (b >> 5) & 1;
        int m;
        if ((b & 0x100) != 0)
        {
            if (mBit != 0) return false;
            m = (int)(vm << 1);
        }
        else
        {
            m = (int)(vm << 1 | mBit);
            if (m == 31) return false;
        }
        if ((a & 0x10) != 0)
        {
            if (t == t2) return false;
            core.R[t] = core.S[m];
            core.R[t2] = core.S[m + 1];
        }
        else
        {
            core.S[m] = core.R[t];
            core.S[m + 1] = core.R[t2];
        }
        RetireFloat(core);
        return true;
    }

    /// <summary>VMOV Rt, Sn / VMOV Sn, Rt, VMRS, VMSR (8, 16 and 32-bit transfers).</summary>
    static bool CoreTransfer(ArmCore core, uint a, uint b)
    {
        if ((b & 0x100) != 0 || (b & 0x7F) != 0x10) return false; // scalar moves (coproc 11) not implemented
        uint opA = (a >> 5) & 7;
        bool toCore = (a & 0x10) != 0;
        int t = (int)((b >> 12) & 0xF);
        if (opA == 0)
        {
            int n = (int)((a & 0xF) << 1 | (b >> 7) & 1);
            if (toCore) core.R[t] = core.S[n];
            else core.S[n] = core.R[t];
            RetireFloat(core);
            return true;
        }
        if (opA != 7 || (a & 0xF) != 1) return false; // only FPSCR among the system registers
        if (toCore)
        {
            if (t == 15)
            {
                // VMRS APSR_nzcv, FPSCR
                uint f = core.Fpscr;
                core.N = (f >> 31) != 0; core.Z = ((f >> 30) & 1) != 0; core.C = ((f >> 29) & 1) != 0; core.V = ((f >> 28) & 1) != 0;
            }
            else core.R[t] = core.Fpscr;
        }
        else core.Fpscr = core.R[t] & FpscrWritable;
        RetireFloat(core);
        return true;
    }

    /// <summary>FPSCR bits that exist on FPv4-SP: NZCV, AHP, DN, FZ, RMode, and the cumulative exception flags.</summary>
    const uint FpscrWritable = 0xF7C0_009F;
}
