using Rig.Emulation.Memory;
using Rig.Emulation.Timing;

namespace Rig.Emulation.Cpu;

/// <summary>
/// The architectural state of one Cortex-M core and its fetch/decode/execute loop (see
/// README.md for the contract between the core, the Thumb-2 executor and the cycle models).
/// </summary>
public sealed partial class ArmCore
{
    public ArmCore(CoreKind kind, MemoryMap memory, ICycleModel timing, IThumb32Executor? thumb32 = null)
    {
        if (kind == CoreKind.CortexM4 && thumb32 is null)
            throw new ArgumentException("a Cortex-M4 core needs a Thumb-2 executor", nameof(thumb32));
        Kind = kind;
        Memory = memory;
        Timing = timing;
        Thumb32 = thumb32;
    }

    public CoreKind Kind { get; }
    public MemoryMap Memory { get; }
    public ICycleModel Timing { get; }
    public IThumb32Executor? Thumb32 { get; }

    /// <summary>r0-r15; R[13] is the current stack pointer (MSP or PSP by CONTROL.SPSEL and mode).</summary>
    public readonly uint[] R = new uint[16];

    /// <summary>Address of the instruction being executed (R[15] is kept equal to it between instructions).</summary>
    public uint Pc;

    public bool N, Z, C, V, Q;

    /// <summary>APSR.GE[3:0] (ARMv7E-M SIMD flags).</summary>
    public uint GE;

    /// <summary>The IT bits ITSTATE[7:0] (EPSR); 0 outside an IT block.</summary>
    public uint ItState;

    /// <summary>IPSR: the active exception number, 0 in thread mode.</summary>
    public uint Ipsr;

    public uint Msp, Psp, Control, Primask, Basepri, Faultmask;

    /// <summary>FPU: S0-S31 as raw bits, FPSCR (ARMv7E-M with FPv4-SP only).</summary>
    public readonly uint[] S = new uint[32];
    public uint Fpscr;

    /// <summary>Local exclusive monitor of LDREX/STREX (ARMv7-M A3.4).</summary>
    public bool ExclusiveOpen;
    public uint ExclusiveAddress;

    public ulong Cycles;
    public ulong Instructions;

    public bool InItBlock => (ItState & 0xF) != 0;
    public bool LastInItBlock => (ItState & 0xF) == 0x8;

    /// <summary>Register read as an instruction sees it: r15 reads as the instruction's address + 4.</summary>
    public uint ReadReg(int n) => n == 15 ? Pc + 4 : R[n];

    /// <summary>xPSR as MRS/the exception frame see it (flags, GE, IT/ICI, T, IPSR).</summary>
    public uint Xpsr =>
        (N ? 1u << 31 : 0) | (Z ? 1u << 30 : 0) | (C ? 1u << 29 : 0) | (V ? 1u << 28 : 0) | (Q ? 1u << 27 : 0)
        | ((ItState & 0x3) << 25) | ((ItState >> 2) << 10) | (1u << 24) | (GE << 16) | Ipsr;

    /// <summary>Charges one executed instruction to the cycle model.</summary>
    public void Retire(in Retired op)
    {
        Cycles += (ulong)Timing.Cycles(op, Pc);
        Instructions++;
    }
}
