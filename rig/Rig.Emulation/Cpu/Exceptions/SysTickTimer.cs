using Rig.Emulation.Memory;

namespace Rig.Emulation.Cpu.Exceptions;

/// <summary>
/// SysTick (ARMv6-M ARM B3.3, ARMv7-M ARM B3.3): a 24-bit down counter clocked by the core
/// (CSR.CLKSOURCE = 1). Computed from the core's cycle counter instead of ticking every cycle:
/// after a write at cycle t0 with value v0 the counter reads v0 - e for e = now - t0 &lt;= v0, then
/// reloads RVR on the cycle after reaching 0 (period RVR + 1). Each 1 -> 0 step sets COUNTFLAG
/// and, with TICKINT, pends the SysTick exception at that very cycle.
/// </summary>
public sealed class SysTickTimer(ArmCore core) : IClocked
{
    public const uint CsrEnable = 1, CsrTickInt = 2, CsrClkSource = 4, CsrCountFlag = 1u << 16;

    uint csr;
    uint reload;
    ulong baseCycle;
    uint baseValue;
    bool countFlag;
    ulong flagCheckedUpTo;
    ulong lastServiced;

    bool Counting => (csr & CsrEnable) != 0;

    public void Reset()
    {
        csr = 0;
        reload = 0;
        baseCycle = core.Cycles;
        baseValue = 0;
        countFlag = false;
        flagCheckedUpTo = core.Cycles;
        lastServiced = core.Cycles;
        core.Reschedule();
    }

    public ulong NextEventCycle => Counting && (csr & CsrTickInt) != 0 ? ZeroAfter(lastServiced) : ulong.MaxValue;

    public void Service(ulong now)
    {
        while (NextEventCycle <= now)
        {
            lastServiced = NextEventCycle;
            core.Nvic.SetPending(ExceptionNumbers.SysTick);
        }
    }

    /// <summary>First cycle after <paramref name="cycle"/> at which the counter steps from 1 to 0.</summary>
    ulong ZeroAfter(ulong cycle)
    {
        if (!Counting) return ulong.MaxValue;
        ulong period = (ulong)reload + 1;
        ulong first = baseValue > 0 ? baseValue : period;
        if (baseValue == 0 && reload == 0) return ulong.MaxValue;
        var firstAt = baseCycle + first;
        if (cycle < firstAt) return firstAt;
        if (reload == 0) return ulong.MaxValue;
        var k = (cycle - firstAt) / period + 1;
        return firstAt + k * period;
    }

    public uint Value
    {
        get
        {
            if (!Counting) return baseValue;
            var e = core.Cycles - baseCycle;
            if (baseValue > 0 && e <= baseValue) return baseValue - (uint)e;
            if (reload == 0) return 0;
            var since = baseValue > 0 ? e - baseValue : e;
            if (since == 0) return 0;
            return reload - (uint)((since - 1) % ((ulong)reload + 1));
        }
    }

    void Rebase()
    {
        UpdateFlag();
        baseValue = Value;
        baseCycle = core.Cycles;
        lastServiced = core.Cycles;
    }

    void UpdateFlag()
    {
        if (ZeroAfter(flagCheckedUpTo) <= core.Cycles) countFlag = true;
        flagCheckedUpTo = core.Cycles;
    }

    public uint ReadCsr()
    {
        UpdateFlag();
        var value = csr | (countFlag ? CsrCountFlag : 0);
        countFlag = false; // COUNTFLAG clears on read
        return value;
    }

    public void WriteCsr(uint value)
    {
        if ((value & CsrEnable) != 0 && (value & CsrClkSource) == 0)
            throw new UnmodelledRegisterException("SysTick", 0xE000E010, write: true) ;
        Rebase();
        csr = value & (CsrEnable | CsrTickInt | CsrClkSource);
        core.Reschedule();
    }

    public uint ReadRvr() => reload;

    public void WriteRvr(uint value)
    {
        Rebase();
        reload = value & 0x00FF_FFFF;
        core.Reschedule();
    }

    public uint ReadCvr() => Value;

    /// <summary>Any write clears the counter and COUNTFLAG.</summary>
    public void WriteCvr()
    {
        Rebase();
        baseValue = 0;
        countFlag = false;
        core.Reschedule();
    }

    public string Describe() =>
        !Counting ? "disabled" : (csr & CsrTickInt) == 0 ? "counting without TICKINT" : $"reload {reload}";
}
