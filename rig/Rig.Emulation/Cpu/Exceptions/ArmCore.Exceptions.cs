using Rig.Emulation.Cpu.Exceptions;
using Rig.Emulation.Memory;

namespace Rig.Emulation.Cpu;

/// <summary>
/// Exception entry and return (ARMv6-M ARM B1.5.6-B1.5.8, ARMv7-M ARM B1.5.6-B1.5.8): the
/// 8-word frame with 8-byte alignment (bit 9 of the stacked xPSR), EXC_RETURN 0xFFFFFFF1/9/D,
/// MSP/PSP, priorities with PRIMASK/BASEPRI/FAULTMASK, HardFault escalation and lockup.
/// </summary>
public sealed partial class ArmCore
{
    /// <summary>An exception the executing instruction raises (SVC, INVSTATE), taken when it has finished.</summary>
    int pendingSync;
    CpuFaultException? pendingSyncFault;

    /// <summary>The priority below which an exception preempts (ARMv7-M B1.5.4 ExecutionPriority).</summary>
    public int ExecutionPriority(bool ignorePrimask = false)
    {
        var prigroup = Scs.Prigroup;
        var highest = Nvic.HighestActivePriority(prigroup);
        var boosted = 256;
        if (!ignorePrimask && (Primask & 1) != 0) boosted = 0;
        if (Basepri != 0) boosted = Math.Min(boosted, NestedInterrupts.GroupPriority((int)Basepri, prigroup));
        if ((Faultmask & 1) != 0) boosted = -1;
        return Math.Min(highest, boosted);
    }

    void TakePendingException()
    {
        attention = false;
        var n = Nvic.HighestPending(out var priority);
        if (n < 0) return;
        if (NestedInterrupts.GroupPriority(priority, Scs.Prigroup) < ExecutionPriority())
            EnterException(n, Pc);
    }

    /// <summary>Whether a pending exception would wake WFI (one that would preempt with PRIMASK clear; ARMv7-M B1.5.19).</summary>
    bool WakeCondition()
    {
        var n = Nvic.HighestPending(out var priority);
        return n >= 0 && NestedInterrupts.GroupPriority(priority, Scs.Prigroup) < ExecutionPriority(ignorePrimask: true);
    }

    void TakeSynchronous()
    {
        var n = pendingSync;
        var fault = pendingSyncFault;
        pendingSync = 0;
        pendingSyncFault = null;
        if (fault is not null)
        {
            RaiseFault(Pc, fault.Kind, fault.Message, fault.Address);
            return;
        }
        // SVC at a priority that cannot preempt escalates to HardFault (ARMv6-M B1.5.5).
        if (NestedInterrupts.GroupPriority(Nvic.Priority(n), Scs.Prigroup) < ExecutionPriority())
        {
            Nvic.SetPending(n);
            EnterException(n, Pc);
        }
        else RaiseFault(Pc - 2, FaultKind.Undefined, "SVC executed where its priority cannot preempt (escalated to HardFault)", Pc - 2);
    }

    void OnBusFault(uint pc, BusFaultException e)
    {
        if (StopOnFault)
        {
            stop ??= Stop(StopReason.UnmappedAccess, pc, e.Message, e.Address);
            return;
        }
        RaiseFault(pc, FaultKind.BusError, e.Message, e.Address);
    }

    /// <summary>A fault at <paramref name="pc"/>: HardFault (or a stop when the run stops on faults, or lockup).</summary>
    void RaiseFault(uint pc, FaultKind kind, string message, uint address)
    {
        Scs.RecordFault(kind, address);
        if (StopOnFault)
        {
            var reason = kind is FaultKind.BusError or FaultKind.FetchUnmapped ? StopReason.UnmappedAccess : StopReason.Fault;
            stop ??= Stop(reason, pc, "HardFault: " + message, address);
            return;
        }
        if (ExecutionPriority() < 0)
        {
            // ARMv7-M B1.5.15: a fault at priority -1 or -2 locks the core up.
            stop ??= Stop(StopReason.Fault, pc, $"lockup: {message} in {(Ipsr == ExceptionNumbers.Nmi ? "NMI" : "HardFault")} (priority {ExecutionPriority()})", address);
            return;
        }
        Pc = pc;
        R[15] = pc;
        try
        {
            EnterException(ExceptionNumbers.HardFault, pc);
        }
        catch (Exception e) when (e is BusFaultException or CpuFaultException)
        {
            stop ??= Stop(StopReason.Fault, pc, $"lockup: stacking for HardFault failed ({e.Message}) after {message}");
        }
    }

    /// <summary>Stacks the frame, switches to handler mode and jumps to the vector (ARMv7-M B1.5.6 PushStack, ExceptionTaken).</summary>
    void EnterException(int n, uint returnAddress)
    {
        if (IsM4 && (Control & 4) != 0)
            throw new CpuFaultException(FaultKind.InvalidState, Pc, "exception entry with CONTROL.FPCA set: the extended (FP) frame is not modelled");
        var sp = R[13];
        var align = (sp & 4) != 0 && Scs.StackAlign;
        var frame = (sp - 0x20) & ~(align ? 4u : 0u);
        var xpsr = Xpsr | (align ? 1u << 9 : 0);
        StoreAligned32(frame, R[0]);
        StoreAligned32(frame + 4, R[1]);
        StoreAligned32(frame + 8, R[2]);
        StoreAligned32(frame + 12, R[3]);
        StoreAligned32(frame + 16, R[12]);
        StoreAligned32(frame + 20, R[14]);
        StoreAligned32(frame + 24, returnAddress);
        StoreAligned32(frame + 28, xpsr);
        R[13] = frame;
        if (frame < LowestSp) LowestSp = frame;
        R[14] = Ipsr != 0 ? 0xFFFF_FFF1u : spIsPsp ? 0xFFFF_FFFDu : 0xFFFF_FFF9u;
        Ipsr = (uint)n;
        Control &= ~2u;
        SelectStack(false);
        ItState = 0;
        Nvic.Activate(n);
        EventRegister = true;
        ExclusiveOpen = false;
        var vector = Memory.Read32(Scs.Vtor + 4 * (uint)n);
        Cycles += (ulong)Timing.ExceptionEntry;
        if ((vector & 1) == 0)
            throw new CpuFaultException(FaultKind.InvalidState, Scs.Vtor + 4 * (uint)n, $"vector {n} at 0x{Scs.Vtor + 4 * (uint)n:X8} is 0x{vector:X8}: bit 0 (Thumb) clear");
        Pc = vector & ~1u;
        R[15] = Pc;
        nextPc = Pc;
        RequestAttention();
        // The instruction that raised or was interrupted made no transfer of its own that is still to be told.
        flowKind = ControlFlow.None;
        Flow?.Transferred(this, new ControlTransfer(ControlFlow.ExceptionEntry, returnAddress, Pc, n));
    }

    /// <summary>EXC_RETURN written to the PC in handler mode: unstack and return (ARMv7-M B1.5.8).</summary>
    void ExceptionReturn(uint excReturn)
    {
        var kind = excReturn & 0xF;
        if ((excReturn & 0x0FFF_FFE0u) != 0x0FFF_FFE0u || kind is not (1 or 9 or 0xD) || (!IsM4 && (excReturn & 0x10) == 0))
            throw new CpuFaultException(FaultKind.InvalidReturn, excReturn, $"EXC_RETURN 0x{excReturn:X8} is not 0xFFFFFFF1, 0xFFFFFFF9 or 0xFFFFFFFD: INVPC");
        if ((excReturn & 0x10) == 0)
            throw new CpuFaultException(FaultKind.InvalidReturn, excReturn, $"EXC_RETURN 0x{excReturn:X8} returns an extended (FP) frame, which is not modelled");
        var returning = (int)Ipsr;
        if (!Nvic.IsActive(returning))
            throw new CpuFaultException(FaultKind.InvalidReturn, excReturn, $"exception return from exception {returning}, which is not active: INVPC");
        Nvic.Deactivate(returning);
        var toThread = kind != 1;
        if (toThread && Nvic.ActiveCount != 0 && !Scs.NonBaseThreadEnable)
            throw new CpuFaultException(FaultKind.InvalidReturn, excReturn, $"EXC_RETURN 0x{excReturn:X8} returns to thread mode with {Nvic.ActiveCount} exception(s) still active: INVPC");
        if (!toThread && Nvic.ActiveCount == 0)
            throw new CpuFaultException(FaultKind.InvalidReturn, excReturn, $"EXC_RETURN 0x{excReturn:X8} returns to handler mode with no exception active: INVPC");

        SelectStack(kind == 0xD);
        var frame = R[13];
        R[0] = LoadAligned32(frame);
        R[1] = LoadAligned32(frame + 4);
        R[2] = LoadAligned32(frame + 8);
        R[3] = LoadAligned32(frame + 12);
        R[12] = LoadAligned32(frame + 16);
        R[14] = LoadAligned32(frame + 20);
        var target = LoadAligned32(frame + 24);
        var psr = LoadAligned32(frame + 28);
        R[13] = frame + 0x20 + ((psr & 0x200) != 0 && Scs.StackAlign ? 4u : 0u);
        N = (psr & 0x8000_0000u) != 0;
        Z = (psr & 0x4000_0000u) != 0;
        C = (psr & 0x2000_0000u) != 0;
        V = (psr & 0x1000_0000u) != 0;
        if (IsM4)
        {
            Q = (psr & 0x0800_0000u) != 0;
            GE = (psr >> 16) & 0xF;
            ItState = ((psr >> 25) & 3) | (((psr >> 10) & 0x3F) << 2);
        }
        Ipsr = psr & (IsM4 ? 0x1FFu : 0x3Fu);
        if (toThread) Control = kind == 0xD ? Control | 2u : Control & ~2u;
        if (toThread != (Ipsr == 0))
            throw new CpuFaultException(FaultKind.InvalidReturn, excReturn, $"EXC_RETURN 0x{excReturn:X8} and the stacked IPSR {Ipsr} disagree on the mode: INVPC");
        nextPc = target & ~1u;
        EventRegister = true;
        ExclusiveOpen = false;
        Cycles += (ulong)Timing.ExceptionReturn;
        RequestAttention();
    }
}
