namespace Rig.Emulation.Profiling;

/// <summary>
/// The emulator's stack high-water mark: the lowest main stack pointer seen (after every
/// instruction, and each exception frame the core stacked), as bytes below the stack's top.
/// </summary>
public sealed class StackWatch(uint stackTop)
{
    public uint StackTop { get; } = stackTop;

    /// <summary>The lowest SP seen, or <see cref="StackTop"/> before anything ran.</summary>
    public uint LowestSp { get; private set; } = stackTop;

    public void Observe(uint sp)
    {
        if (sp < LowestSp) LowestSp = sp;
    }

    /// <summary>Bytes of stack used at the deepest point: stack top minus the lowest SP.</summary>
    public int HighWaterBytes => checked((int)(StackTop - LowestSp));
}
