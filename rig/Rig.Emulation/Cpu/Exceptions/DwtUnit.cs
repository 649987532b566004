using Rig.Emulation.Memory;

namespace Rig.Emulation.Cpu.Exceptions;

/// <summary>
/// The DWT cycle counter of the Cortex-M4 (ARMv7-M ARM C1.8.7 DWT_CTRL, C1.8.8 DWT_CYCCNT): counts
/// core cycles while DEMCR.TRCENA and DWT_CTRL.CYCCNTENA are both set, and not while the core sleeps
/// in WFI/WFE (the core clock is gated there; firmware/PROTOCOL.md, IDLE). Comparators, the other
/// profiling counters and PCSR are not modelled (an access stops the run).
/// </summary>
public sealed class DwtUnit(ArmCore core) : IPeripheral
{
    public const uint Base = 0xE000_1000;
    public const uint Size = 0x1000;

    /// <summary>DWT_CTRL.NUMCOMP = 4 on the Cortex-M4 (ARM DDI 0439B, 8.3 DWT).</summary>
    const uint NumComp = 4u << 28;

    uint ctrl;
    uint baseCount;
    ulong baseCycle;

    public string Name => "DWT";

    bool Running => (ctrl & 1) != 0 && core.Scs.TraceEnabled;

    /// <summary>Core cycles spent awake (sleep is fast-forwarded into <see cref="ArmCore.Cycles"/> and counted in <see cref="ArmCore.SleepCycles"/>).</summary>
    ulong AwakeCycles => core.Cycles - core.SleepCycles;

    public uint CycleCount => Running ? baseCount + (uint)(AwakeCycles - baseCycle) : baseCount;

    /// <summary>Called before anything that starts or stops the counter (DWT_CTRL, DEMCR.TRCENA).</summary>
    internal void Rebase()
    {
        baseCount = CycleCount;
        baseCycle = AwakeCycles;
    }

    public uint Read(uint offset, int size) => (offset, size) switch
    {
        (0x000, 4) => NumComp | ctrl,
        (0x004, 4) => CycleCount,
        _ => throw new UnmodelledRegisterException(Name, Base + offset, write: false),
    };

    public void Write(uint offset, uint value, int size)
    {
        switch (offset, size)
        {
            case (0x000, 4):
                Rebase();
                ctrl = value & 1; // CYCCNTENA; the other enables drive unmodelled counters
                if ((value & ~1u & 0x0FFF_FFFF) != 0) throw new UnmodelledRegisterException(Name, Base + offset, write: true);
                break;
            case (0x004, 4):
                baseCount = value;
                baseCycle = AwakeCycles;
                break;
            default:
                throw new UnmodelledRegisterException(Name, Base + offset, write: true);
        }
    }
}
