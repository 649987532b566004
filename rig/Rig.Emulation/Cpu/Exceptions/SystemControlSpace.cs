using Rig.Emulation.Memory;

namespace Rig.Emulation.Cpu.Exceptions;

/// <summary>Bits of the SCB registers other parts test.</summary>
public static class SystemControlSpaceBits
{
    public const uint CcrNonBaseThreadEnable = 1u << 0;
    public const uint CcrUnalignTrp = 1u << 3;
    public const uint CcrDiv0Trp = 1u << 4;
    public const uint CcrStkAlign = 1u << 9;
    public const uint DemcrTrcEna = 1u << 24;
}

/// <summary>
/// The System Control Space at 0xE000E000 (ARMv6-M ARM B3.2-B3.4, ARMv7-M ARM B3.2-B3.4, C1.6):
/// SysTick, NVIC (ISER/ICER/ISPR/ICPR/IABR/IPR), SCB (CPUID, ICSR, VTOR, AIRCR, SCR, CCR,
/// SHPR1-3, SHCSR, CFSR/HFSR/MMFAR/BFAR, CPACR), DEMCR, STIR and the FP context registers of the
/// M4F. A register not listed here stops the run naming it (never reads as zero).
/// </summary>
public sealed class SystemControlSpace(ArmCore core) : IPeripheral
{
    public const uint Base = 0xE000_E000;
    public const uint Size = 0x1000;

    readonly bool m4 = core.Kind == CoreKind.CortexM4;

    public string Name => "System Control Space";

    public uint Vtor { get; private set; }
    public uint Ccr { get; private set; }
    public int Prigroup { get; private set; }
    public uint Scr { get; private set; }
    public uint Cpacr { get; private set; }
    public uint Demcr { get; private set; }
    public uint Cfsr { get; private set; }
    public uint Hfsr { get; private set; }
    public uint Mmfar { get; private set; }
    public uint Bfar { get; private set; }
    public uint Actlr { get; private set; }
    public uint Fpccr { get; private set; }
    public uint Fpcar { get; private set; }
    public uint Fpdscr { get; private set; }

    /// <summary>CCR.STKALIGN: always 1 on ARMv6-M (RAO), the reset value 1 on the Cortex-M4 r0p1.</summary>
    public bool StackAlign => (Ccr & SystemControlSpaceBits.CcrStkAlign) != 0;
    public bool NonBaseThreadEnable => (Ccr & SystemControlSpaceBits.CcrNonBaseThreadEnable) != 0;
    public bool DivideByZeroTraps => (Ccr & SystemControlSpaceBits.CcrDiv0Trp) != 0;
    public bool TraceEnabled => (Demcr & SystemControlSpaceBits.DemcrTrcEna) != 0;

    /// <summary>CPACR grants CP10 and CP11 (the FPU) full or privileged access.</summary>
    public bool FpuEnabled => ((Cpacr >> 20) & 0xF) != 0;

    /// <summary>Reset values; VTOR points at the table the core boots from (what the boot ROM leaves, see Loading/).</summary>
    public void Reset(uint vectorTable)
    {
        Vtor = core.Config.HasVtor ? vectorTable : 0;
        // ARMv6-M B3.2.8: CCR reads 0x208 (STKALIGN, UNALIGN_TRP), read-only; Cortex-M4 r0p1: 0x200.
        Ccr = m4 ? 0x200u : 0x208u;
        Prigroup = 0;
        Scr = 0;
        Cpacr = 0;
        Demcr = 0;
        Cfsr = Hfsr = Mmfar = Bfar = Actlr = 0;
        Fpccr = m4 ? 0xC000_0000u : 0; // ASPEN | LSPEN (ARM DDI 0439B 7.3.3)
        Fpcar = Fpdscr = 0;
        core.SysTick.Reset();
        core.Dwt?.Rebase();
    }

    /// <summary>Sets the fault status bits a HardFault escalation leaves (ARMv7-M B3.2.15-B3.2.16); ARMv6-M has none.</summary>
    internal void RecordFault(FaultKind kind, uint address)
    {
        if (!m4) return;
        Hfsr |= 1u << 30; // FORCED
        switch (kind)
        {
            case FaultKind.Undefined: Cfsr |= 1u << 16; break;
            case FaultKind.InvalidState: Cfsr |= 1u << 17; break;
            case FaultKind.InvalidReturn: Cfsr |= 1u << 18; break;
            case FaultKind.NoCoprocessor: Cfsr |= 1u << 19; break;
            case FaultKind.Unaligned: Cfsr |= 1u << 24; break;
            case FaultKind.DivideByZero: Cfsr |= 1u << 25; break;
            case FaultKind.FetchUnmapped: Cfsr |= 1u << 8; break;
            case FaultKind.BusError:
                Cfsr |= (1u << 9) | (1u << 15);
                Bfar = address;
                break;
        }
    }

    public uint Read(uint offset, int size)
    {
        if (offset is >= 0x400 and < 0x400 + 0xF0 && offset - 0x400 + size <= 0xF0)
            return ReadPriorityBytes(ExceptionNumbers.FirstIrq + (int)(offset - 0x400), size);
        if (m4 && offset is >= 0xD18 and < 0xD24)
            return ReadPriorityBytes((int)(offset - 0xD14), size);
        if (!m4 && offset is 0xD1C or 0xD20 && size == 4)
            return ReadPriorityBytes((int)(offset - 0xD14), 4);
        if (size != 4) throw Unmodelled(offset, write: false);
        var nvic = core.Nvic;
        switch (offset)
        {
            case 0x004 when m4: return (uint)Math.Max(0, (nvic.Count - 16 + 31) / 32 - 1); // ICTR.INTLINESNUM
            case 0x008 when m4: return Actlr;
            case 0x010: return core.SysTick.ReadCsr();
            case 0x014: return core.SysTick.ReadRvr();
            case 0x018: return core.SysTick.ReadCvr();
            case >= 0x100 and < 0x140: return nvic.ReadBits((int)(offset - 0x100) / 4, nvic.IsEnabled);
            case >= 0x180 and < 0x1C0: return nvic.ReadBits((int)(offset - 0x180) / 4, nvic.IsEnabled);
            case >= 0x200 and < 0x240: return nvic.ReadBits((int)(offset - 0x200) / 4, nvic.IsPending);
            case >= 0x280 and < 0x2C0: return nvic.ReadBits((int)(offset - 0x280) / 4, nvic.IsPending);
            case >= 0x300 and < 0x340 when m4: return nvic.ReadBits((int)(offset - 0x300) / 4, nvic.IsActive);
            // CPUID: Cortex-M0+ r0p1 0x410CC601 (ARM DDI 0484C 4.2), Cortex-M4 r0p1 0x410FC241 (ARM DDI 0439B 4.3.1).
            case 0xD00: return m4 ? 0x410F_C241u : 0x410C_C601u;
            case 0xD04: return ReadIcsr();
            case 0xD08 when core.Config.HasVtor: return Vtor;
            case 0xD0C: return 0xFA05_0000u | (m4 ? (uint)Prigroup << 8 : 0);
            case 0xD10: return Scr;
            case 0xD14: return Ccr;
            case 0xD24: return ReadShcsr();
            case 0xD28 when m4: return Cfsr;
            case 0xD2C when m4: return Hfsr;
            case 0xD34 when m4: return Mmfar;
            case 0xD38 when m4: return Bfar;
            case 0xD88 when m4: return Cpacr;
            case 0xDFC: return Demcr;
            case 0xF34 when m4: return Fpccr;
            case 0xF38 when m4: return Fpcar;
            case 0xF3C when m4: return Fpdscr;
        }
        throw Unmodelled(offset, write: false);
    }

    public void Write(uint offset, uint value, int size)
    {
        if (offset is >= 0x400 and < 0x400 + 0xF0 && offset - 0x400 + size <= 0xF0)
        {
            WritePriorityBytes(ExceptionNumbers.FirstIrq + (int)(offset - 0x400), value, size);
            return;
        }
        if (m4 && offset is >= 0xD18 and < 0xD24)
        {
            WritePriorityBytes((int)(offset - 0xD14), value, size);
            return;
        }
        if (!m4 && offset is 0xD1C or 0xD20 && size == 4)
        {
            WritePriorityBytes((int)(offset - 0xD14), value, 4);
            return;
        }
        if (size != 4) throw Unmodelled(offset, write: true);
        var nvic = core.Nvic;
        switch (offset)
        {
            case 0x008 when m4: Actlr = value; return;
            case 0x010: core.SysTick.WriteCsr(value); return;
            case 0x014: core.SysTick.WriteRvr(value); return;
            case 0x018: core.SysTick.WriteCvr(); return;
            case >= 0x100 and < 0x140: ForEachIrq(offset - 0x100, value, n => nvic.SetEnabled(n, true)); return;
            case >= 0x180 and < 0x1C0: ForEachIrq(offset - 0x180, value, n => nvic.SetEnabled(n, false)); return;
            case >= 0x200 and < 0x240: ForEachIrq(offset - 0x200, value, nvic.SetPending); return;
            case >= 0x280 and < 0x2C0: ForEachIrq(offset - 0x280, value, nvic.ClearPending); return;
            case 0xD04: WriteIcsr(value); return;
            case 0xD08 when core.Config.HasVtor: Vtor = value & (m4 ? 0x3FFF_FF80u : 0xFFFF_FF80u); return;
            case 0xD0C: WriteAircr(value); return;
            case 0xD10:
                // SLEEPONEXIT (bit 1) and SEVONPEND (bit 4) change what WFI/exception return do: not modelled yet.
                if ((value & 0x12) != 0) throw Unmodelled(offset, write: true);
                Scr = value & 0x16;
                return;
            case 0xD14:
                if (m4) Ccr = value & 0x31B;
                return;
            case 0xD24:
                // MEMFAULTENA/BUSFAULTENA/USGFAULTENA: the core escalates every fault to HardFault.
                if ((value & 0x7_0000) != 0 || !m4) throw Unmodelled(offset, write: true);
                return;
            case 0xD28 when m4: Cfsr &= ~value; return;
            case 0xD2C when m4: Hfsr &= ~value; return;
            case 0xD34 when m4: Mmfar = value; return;
            case 0xD38 when m4: Bfar = value; return;
            case 0xD88 when m4: Cpacr = value & 0x00F0_0000u; return;
            case 0xDFC:
                core.Dwt?.Rebase();
                Demcr = value;
                return;
            case 0xF00 when m4:
                var irq = (int)(value & 0x1FF);
                if (ExceptionNumbers.FirstIrq + irq < nvic.Count) nvic.SetPending(ExceptionNumbers.FirstIrq + irq);
                return;
            case 0xF34 when m4: Fpccr = value; return;
            case 0xF38 when m4: Fpcar = value & ~7u; return;
            case 0xF3C when m4: Fpdscr = value; return;
        }
        throw Unmodelled(offset, write: true);
    }

    uint ReadIcsr()
    {
        var nvic = core.Nvic;
        var pending = nvic.HighestPending(out _);
        var value = core.Ipsr;
        if (m4 && nvic.ActiveCount <= 1) value |= 1u << 11; // RETTOBASE
        if (pending > 0) value |= (uint)pending << 12;
        for (var n = ExceptionNumbers.FirstIrq; n < nvic.Count; n++)
            if (nvic.IsPending(n)) { value |= 1u << 22; break; }
        if (nvic.IsPending(ExceptionNumbers.SysTick)) value |= 1u << 26;
        if (nvic.IsPending(ExceptionNumbers.PendSv)) value |= 1u << 28;
        if (nvic.IsPending(ExceptionNumbers.Nmi)) value |= 1u << 31;
        return value;
    }

    void WriteIcsr(uint value)
    {
        var nvic = core.Nvic;
        if ((value & (1u << 31)) != 0) nvic.SetPending(ExceptionNumbers.Nmi);
        if ((value & (1u << 28)) != 0) nvic.SetPending(ExceptionNumbers.PendSv);
        if ((value & (1u << 27)) != 0) nvic.ClearPending(ExceptionNumbers.PendSv);
        if ((value & (1u << 26)) != 0) nvic.SetPending(ExceptionNumbers.SysTick);
        if ((value & (1u << 25)) != 0) nvic.ClearPending(ExceptionNumbers.SysTick);
    }

    void WriteAircr(uint value)
    {
        if (value >> 16 != 0x05FA) return; // VECTKEY: writes without it are ignored
        if (m4)
        {
            Prigroup = (int)((value >> 8) & 7);
            core.RequestAttention();
        }
        if ((value & 4) != 0) core.StopRun(StopReason.ResetRequested, "system reset requested (AIRCR.SYSRESETREQ)");
    }

    uint ReadShcsr()
    {
        var nvic = core.Nvic;
        uint value = 0;
        if (nvic.IsActive(ExceptionNumbers.SvCall)) value |= 1u << 7;
        if (nvic.IsActive(ExceptionNumbers.PendSv)) value |= 1u << 10;
        if (nvic.IsActive(ExceptionNumbers.SysTick)) value |= 1u << 11;
        if (nvic.IsPending(ExceptionNumbers.SvCall)) value |= 1u << 15;
        return value;
    }

    uint ReadPriorityBytes(int first, int size)
    {
        uint value = 0;
        for (var i = 0; i < size; i++)
        {
            var n = first + i;
            if (n < core.Nvic.Count && n >= 4) value |= (uint)core.Nvic.PriorityField(n) << (8 * i);
        }
        return value;
    }

    void WritePriorityBytes(int first, uint value, int size)
    {
        for (var i = 0; i < size; i++)
        {
            var n = first + i;
            // Only the exceptions with a configurable priority: 4-15 (SHPR1-3) and the IRQs.
            if (n < core.Nvic.Count && n >= 4) core.Nvic.SetPriorityField(n, value >> (8 * i));
        }
    }

    void ForEachIrq(uint wordOffset, uint bits, Action<int> action)
    {
        var first = ExceptionNumbers.FirstIrq + 32 * (int)(wordOffset / 4);
        for (var i = 0; i < 32; i++)
            if ((bits & (1u << i)) != 0 && first + i < core.Nvic.Count)
                action(first + i);
    }

    UnmodelledRegisterException Unmodelled(uint offset, bool write) => new(Name, Base + offset, write);
}
