namespace Rig.Emulation.Cpu;

/// <summary>
/// Sees the core's control transfers only (a profiler's cheap hook, <see cref="ArmCore.Flow"/>):
/// about one instruction in six to ten, where <see cref="IInstructionTrace"/> sees every one.
/// Called after the transferring instruction retired (<see cref="ArmCore.Cycles"/> includes it and,
/// for an exception return, the unstacking); an exception entry is reported when its stacking is done,
/// before the handler's first instruction.
/// </summary>
public interface IControlFlowTrace
{
    void Transferred(ArmCore core, in ControlTransfer transfer);
}

/// <summary>
/// One control transfer: <see cref="From"/> is the address of the transferring instruction (for an
/// exception entry: the return address stacked in the frame), <see cref="To"/> where execution goes on,
/// <see cref="Exception"/> the exception entered (<see cref="ControlFlow.ExceptionEntry"/>) or returned
/// from (<see cref="ControlFlow.ExceptionReturn"/>), else 0.
/// </summary>
public readonly record struct ControlTransfer(ControlFlow Kind, uint From, uint To, int Exception = 0);

/// <summary>What kind of transfer the core made, as the instruction says (the core knows no functions).</summary>
public enum ControlFlow : byte
{
    /// <summary>No transfer (never reported).</summary>
    None,

    /// <summary>BL, BLX Rm: LR holds the return address.</summary>
    Call,

    /// <summary>An interworking PC write that is not a call: BX Rm, POP {..pc}, LDR pc, LDM with pc (a return, or a tail call through a register).</summary>
    Return,

    /// <summary>A taken direct branch or PC arithmetic: B, B&lt;c&gt;, CBZ/CBNZ, TBB/TBH, ADD/MOV pc (a tail call when it lands on a function's entry).</summary>
    Jump,

    /// <summary>An exception entered (interrupt, SVC, fault): the frame is stacked, the PC is the handler's first instruction.</summary>
    ExceptionEntry,

    /// <summary>EXC_RETURN: the frame is unstacked, the PC is where the interrupted code goes on.</summary>
    ExceptionReturn,
}
