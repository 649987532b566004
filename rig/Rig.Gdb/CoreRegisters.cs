namespace Rig.Gdb;

/// <summary>r0-r15 (r13 the current SP, r15 the address of the next instruction) and xPSR, as the lockstep compares them.</summary>
public sealed record CoreRegisters(IReadOnlyList<uint> R, uint Xpsr)
{
    public uint Pc => R[15];

    /// <summary>The exception number (IPSR) inside xPSR.</summary>
    public uint ExceptionNumber => Xpsr & 0x1FF;
}
