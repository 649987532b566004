using Rig.Emulation.Cpu;

namespace Rig.Emulation.Gdb;

/// <summary>Why the board halted, as gdb's stop reply says it: a POSIX signal number and a line for the user.</summary>
public readonly record struct GdbHalt(int Signal, string Message)
{
    public const int SigInt = 2;
    public const int SigIll = 4;
    public const int SigTrap = 5;
    public const int SigSegv = 11;

    /// <summary>The signal gdb shows for a stop that ends the board: a fault SIGSEGV, an encoding the emulator lacks SIGILL.</summary>
    public static int SignalOf(StopReason reason) => reason switch
    {
        StopReason.Fault or StopReason.UnmappedAccess => SigSegv,
        StopReason.Unimplemented => SigIll,
        _ => SigTrap,
    };
}
