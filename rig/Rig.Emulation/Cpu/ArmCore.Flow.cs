namespace Rig.Emulation.Cpu;

/// <summary>
/// The control-flow hook (<see cref="Flow"/>): the PC-writing paths note the kind of transfer, the
/// run loop reports it once the instruction retired. Without a trace the note is one null check per
/// taken branch; the loop's report check is compiled only into the traced variant of the run loop.
/// </summary>
public sealed partial class ArmCore
{
    /// <summary>Called after every control transfer when set (calls, returns, jumps, exception entry and return).</summary>
    public IControlFlowTrace? Flow { get; set; }

    /// <summary>The transfer the executing instruction made (None when it made none or no trace is set).</summary>
    ControlFlow flowKind;

    /// <summary>The exception an EXC_RETURN in the executing instruction returned from.</summary>
    int flowException;

    void NoteFlow(ControlFlow kind)
    {
        if (Flow is not null) flowKind = kind;
    }

    /// <summary>Reports the executing instruction's transfer (if any) now that it retired and the PC is its target.</summary>
    void ReportFlow(uint from)
    {
        var kind = flowKind;
        flowKind = ControlFlow.None;
        if (kind != ControlFlow.None && Flow is { } flow)
            flow.Transferred(this, new ControlTransfer(kind, from, Pc, kind == ControlFlow.ExceptionReturn ? flowException : 0));
    }

    /// <summary>Selects the run loop with or without flow reports at JIT time (a struct type argument is specialised).</summary>
    interface IFlowReports
    {
        static abstract bool On { get; }
    }

    readonly struct WithoutFlow : IFlowReports
    {
        public static bool On => false;
    }

    readonly struct WithFlow : IFlowReports
    {
        public static bool On => true;
    }
}
