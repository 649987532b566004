using Rig.Emulation.Cpu.Exceptions;
using Rig.Emulation.Loading;
using Rig.Emulation.Memory;
using Rig.Emulation.Timing;

namespace Rig.Emulation.Cpu;

/// <summary>
/// The architectural state of one Cortex-M core and its fetch/decode/execute loop (see
/// README.md for the contract between the core, the Thumb-2 executor and the cycle models).
/// The core maps its own System Control Space (SysTick, NVIC, SCB at 0xE000E000) and, on the
/// Cortex-M4, the DWT (0xE0001000) into <paramref name="memory"/>.
/// </summary>
// No zeroing of locals: the executors inline dozens of Retired records whose stack slots the JIT
// would otherwise clear on every call (a 400-byte loop in Execute16's prologue, per instruction).
[System.Runtime.CompilerServices.SkipLocalsInit]
public sealed partial class ArmCore
{
    public ArmCore(CoreKind kind, MemoryMap memory, ICycleModel timing, IThumb32Executor? thumb32 = null, ExceptionConfig? exceptions = null)
    {
        if (kind == CoreKind.CortexM4 && thumb32 is null)
            throw new ArgumentException("a Cortex-M4 core needs a Thumb-2 executor", nameof(thumb32));
        Kind = kind;
        Memory = memory;
        Timing = timing;
        Thumb32 = thumb32;
        m0Timing = timing as CortexM0PlusTiming;
        m4Timing = timing as CortexM4Timing;
        thumb2 = thumb32 as Thumb32.Thumb2Executor;
        IsM4 = kind == CoreKind.CortexM4;
        Config = exceptions ?? ExceptionConfig.Default(kind);
        Nvic = new NestedInterrupts(this, Config);
        SysTick = new SysTickTimer(this);
        Scs = new SystemControlSpace(this);
        memory.AddPeripheral(SystemControlSpace.Base, SystemControlSpace.Size, Scs);
        if (IsM4)
        {
            Dwt = new DwtUnit(this);
            memory.AddPeripheral(DwtUnit.Base, DwtUnit.Size, Dwt);
        }
        AddClocked(SysTick);
    }

    public CoreKind Kind { get; }
    public MemoryMap Memory { get; }
    public ICycleModel Timing { get; }
    public IThumb32Executor? Thumb32 { get; }
    public ExceptionConfig Config { get; }
    public NestedInterrupts Nvic { get; }
    public SysTickTimer SysTick { get; }
    public SystemControlSpace Scs { get; }
    public DwtUnit? Dwt { get; }

    /// <summary>ELF symbols for stop messages and traces (null: addresses only).</summary>
    public SymbolMap? Symbols { get; set; }

    /// <summary>
    /// Stop the run when the image takes a HardFault (the default for `rig emulate`: the fault is
    /// the answer, the image's handler usually spins forever). False runs the image's handler, as
    /// the lockstep oracle and the exception tests need.
    /// </summary>
    public bool StopOnFault { get; set; } = true;

    /// <summary>Called after every executed instruction when set (`rig emulate --trace`).</summary>
    public IInstructionTrace? Trace { get; set; }

    readonly bool IsM4;

    /// <summary>r0-r15; R[13] is the current stack pointer (MSP or PSP by CONTROL.SPSEL and mode).</summary>
    public RegisterFile R;

    /// <summary>Address of the instruction being executed (R[15] is kept equal to it between instructions).</summary>
    public uint Pc;

    public bool N, Z, C, V, Q;

    /// <summary>APSR.GE[3:0] (ARMv7E-M SIMD flags).</summary>
    public uint GE;

    /// <summary>The IT bits ITSTATE[7:0] (EPSR); 0 outside an IT block.</summary>
    public uint ItState;

    /// <summary>IPSR: the active exception number, 0 in thread mode. Changed only through exception entry/return.</summary>
    public uint Ipsr;

    /// <summary>CONTROL (nPRIV bit 0, SPSEL bit 1, FPCA bit 2 on the M4F); write it with <see cref="WriteControl"/>.</summary>
    public uint Control;

    public uint Primask, Basepri, Faultmask;

    /// <summary>The stack pointer not in use (R[13] holds the one in use).</summary>
    uint otherSp;
    bool spIsPsp;

    /// <summary>Main stack pointer (R[13] when it is the active one).</summary>
    public uint Msp
    {
        get => spIsPsp ? otherSp : R[13];
        set { if (spIsPsp) otherSp = value & ~3u; else R[13] = value & ~3u; }
    }

    /// <summary>Process stack pointer (R[13] in thread mode with CONTROL.SPSEL = 1).</summary>
    public uint Psp
    {
        get => spIsPsp ? R[13] : otherSp;
        set { if (spIsPsp) R[13] = value & ~3u; else otherSp = value & ~3u; }
    }

    /// <summary>FPU: S0-S31 as raw bits, FPSCR (ARMv7E-M with FPv4-SP only).</summary>
    public readonly uint[] S = new uint[32];
    public uint Fpscr;

    /// <summary>Local exclusive monitor of LDREX/STREX (ARMv7-M A3.4).</summary>
    public bool ExclusiveOpen;
    public uint ExclusiveAddress;

    /// <summary>The event register of WFE/SEV (ARMv6-M B1.5.18).</summary>
    public bool EventRegister;

    public ulong Cycles;
    public ulong Instructions;

    /// <summary>Cycles spent asleep in WFI/WFE (fast-forwarded to the next event); part of <see cref="Cycles"/>.</summary>
    public ulong SleepCycles;

    /// <summary>
    /// Lowest SP (R[13], the stack in use) since reset: the initial SP, every exception frame, every SP
    /// write of a 16-bit instruction (PUSH, SUB/ADD/MOV SP) and of any Thumb-2 one, MSR MSP/PSP, a stack
    /// switch. The stack high-water without a per-instruction trace: initial SP (or __stack_top) minus it.
    /// </summary>
    public uint LowestSp = uint.MaxValue;

    public bool InItBlock => (ItState & 0xF) != 0;
    public bool LastInItBlock => (ItState & 0xF) == 0x8;

    /// <summary>Handler mode, or thread mode with CONTROL.nPRIV = 0.</summary>
    public bool Privileged => Ipsr != 0 || (Control & 1) == 0;

    /// <summary>Register read as an instruction sees it: r15 reads as the instruction's address + 4.</summary>
    public uint ReadReg(int n) => n == 15 ? Pc + 4 : R[n];

    /// <summary>xPSR as MRS/the exception frame see it (flags, GE, IT/ICI, T, IPSR).</summary>
    public uint Xpsr =>
        (N ? 1u << 31 : 0) | (Z ? 1u << 30 : 0) | (C ? 1u << 29 : 0) | (V ? 1u << 28 : 0) | (Q ? 1u << 27 : 0)
        | ((ItState & 0x3) << 25) | ((ItState >> 2) << 10) | (1u << 24) | (GE << 16) | Ipsr;

    /// <summary>Charges one executed instruction to the cycle model.</summary>
    // Inlined: at most call sites the op class is a constant and the model's switch folds away.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Retire(in Retired op)
    {
        // The rig's M0+ and M4 models called directly (sealed classes): no interface dispatch on the hot
        // path. Only the cases that fold to a few instructions are inlined (the M4's, the M0+'s without
        // wait states): this runs at every retire site, dozens per executor method, and a bigger body
        // there spends the JIT's inlining budget and the instruction cache.
        if (m4Timing is { } m4) Cycles += (ulong)m4.Cycles(op, Pc);
        else if (m0Timing is { } m0 && m0.WithoutWaitStates) Cycles += (ulong)m0.CyclesWithoutWaitStates(op);
        else Cycles += (ulong)OtherCycles(op);
        Instructions++;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    int OtherCycles(in Retired op) => m0Timing is { } m0 ? m0.Cycles(op, Pc) : Timing.Cycles(op, Pc);

    readonly CortexM0PlusTiming? m0Timing;
    readonly CortexM4Timing? m4Timing;

    /// <summary>The rig's own Thumb-2 executor, called directly (sealed) rather than through the interface on the hot path.</summary>
    readonly Thumb32.Thumb2Executor? thumb2;

    /// <summary>Sets SP to the reset values: MSP from the vector table, thread mode, privileged, IT clear.</summary>
    public void Reset(uint vectorTable)
    {
        R = default;
        spIsPsp = false;
        otherSp = 0;
        Ipsr = 0; Control = 0; Primask = 0; Basepri = 0; Faultmask = 0; ItState = 0;
        N = Z = C = V = Q = false; GE = 0;
        Nvic.Reset();
        Scs.Reset(vectorTable);
        Msp = Memory.Read32(vectorTable);
        LowestSp = R[13];
        R[14] = 0xFFFFFFFF;
        var entry = Memory.Read32(vectorTable + 4);
        Pc = entry & ~1u;
        R[15] = Pc;
        nextPc = Pc;
        RequestAttention();
    }
}
