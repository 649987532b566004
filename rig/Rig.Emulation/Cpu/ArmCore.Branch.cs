using Rig.Emulation.Cpu.Exceptions;
namespace Rig.Emulation.Cpu;

/// <summary>The two ways an instruction writes the PC (ARMv7-M A2.3.1), so exception return lives in one place.</summary>
public sealed partial class ArmCore
{
    /// <summary>B, BL, CBZ, ADD/MOV PC: the new PC with bit 0 ignored.</summary>
    public void BranchWritePc(uint address)
    {
        nextPc = address & ~1u;
        NoteFlow(ControlFlow.Jump);
    }

    /// <summary>
    /// BX, BLX, POP {pc}, LDR pc, LDM with the PC: interworking. In handler mode a value
    /// 0xFxxxxxxx is EXC_RETURN (ARMv7-M B1.5.8); an even address clears the T bit, and the next
    /// instruction faults with INVSTATE.
    /// </summary>
    public void BxWritePc(uint address)
    {
        if (Ipsr != 0 && (address >> 28) == 0xF)
        {
            flowException = (int)Ipsr;
            ExceptionReturn(address);
            NoteFlow(ControlFlow.ExceptionReturn);
            return;
        }
        nextPc = address & ~1u;
        NoteFlow(ControlFlow.Return);
        if ((address & 1) == 0)
        {
            pendingSync = ExceptionNumbers.HardFault;
            pendingSyncFault = new CpuFaultException(FaultKind.InvalidState, address, $"branch to 0x{address:X8} with bit 0 clear (the T bit): INVSTATE");
        }
    }
}
