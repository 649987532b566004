using System.Buffers.Binary;
using Rig.Gdb;

namespace Rig.Emulation.Oracle;

/// <summary>QEMU as the lockstep reference: registers by <c>g</c>, one <c>s</c> per step.</summary>
public sealed class QemuLockstepTarget(GdbRemoteClient gdb) : ILockstepTarget
{
    public CoreRegisters Registers() => gdb.ReadCoreRegisters();

    public void Step()
    {
        var stop = gdb.Step();
        if (stop.Signal != GdbStopReply.SigTrap)
            throw new GdbProtocolException($"QEMU: a single step stopped with signal {stop.Signal} ({stop.Raw}), not SIGTRAP");
    }

    public ushort ReadHalfword(uint address) => BinaryPrimitives.ReadUInt16LittleEndian(gdb.ReadMemory(address, 2));

    public void SeedUnknownResetState(CoreRegisters reference) { }

    /// <summary>Runs (not stepped) to <paramref name="address"/> with a breakpoint; returns the registers there.</summary>
    public CoreRegisters RunTo(uint address, TimeSpan wait)
    {
        gdb.InsertBreakpoint(address);
        try
        {
            var stop = gdb.Continue(wait);
            var registers = gdb.ReadCoreRegisters();
            if (registers.Pc != address)
                throw new GdbProtocolException($"QEMU: stopped at 0x{registers.Pc:X8} (signal {stop.Signal}), not at the breakpoint 0x{address:X8}");
            return registers;
        }
        finally
        {
            gdb.RemoveBreakpoint(address);
        }
    }
}
