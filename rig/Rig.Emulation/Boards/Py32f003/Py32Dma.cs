using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Py32f003;

/// <summary>
/// DMA channel 1 (Reference Manual, "Direct memory access controller (DMA)"), peripheral to memory:
/// each request of the peripheral SYSCFG_CFGR3.DMA1_MAP routes to it moves one item from CPAR to
/// CMAR + n (MINC), counts CNDTR down, sets HTIF at half the block and TCIF at its end, and in
/// circular mode reloads CNDTR. GIF is set with any flag; IFCR's CGIF clears all four. The channel's
/// interrupt is TCIF&amp;TCIE | HTIF&amp;HTIE | TEIF&amp;TEIE. Transfers take no core cycles (ASSUMPTION: the
/// one-word transfer's bus cycle stalls the core at most once per sample). Channels 2 and 3,
/// memory-to-memory and 8/32-bit sizes are not modelled.
/// </summary>
public sealed class Py32Dma : RegisterBlock
{
    public const uint BaseAddress = 0x4002_0000;
    public const uint Size = 0x400;

    public const uint Isr = 0x00, Ifcr = 0x04, Ccr1 = 0x08, Cndtr1 = 0x0C, Cpar1 = 0x10, Cmar1 = 0x14;
    public const uint Gif1 = 1u << 0, Tcif1 = 1u << 1, Htif1 = 1u << 2, Teif1 = 1u << 3;
    public const uint CcrEn = 1u << 0, CcrTcie = 1u << 1, CcrHtie = 1u << 2, CcrTeie = 1u << 3, CcrDir = 1u << 4;
    public const uint CcrCirc = 1u << 5, CcrPinc = 1u << 6, CcrMinc = 1u << 7, CcrPsizeMask = 3u << 8, CcrMsizeMask = 3u << 10;
    public const uint CcrPsize16 = 1u << 8, CcrMsize16 = 1u << 10, CcrPlMask = 3u << 12, CcrMem2Mem = 1u << 14;

    readonly ArmCore core;
    readonly Py32Syscfg syscfg;
    readonly InterruptLine irq;
    uint isr, ccr, cndtr, reload, cpar, cmar;

    public Py32Dma(ArmCore core, Py32Syscfg syscfg, int irqNumber) : base("DMA", BaseAddress)
    {
        this.core = core;
        this.syscfg = syscfg;
        irq = new InterruptLine(core, irqNumber);
    }

    /// <summary>Items moved since reset.</summary>
    public long Transfers { get; private set; }

    /// <summary>A peripheral's request (the ADC's end of conversion): served by channel 1 when it is routed there.</summary>
    public void Request(uint peripheralMap)
    {
        if (syscfg.Channel1Request != peripheralMap || (ccr & CcrEn) == 0 || cndtr == 0) return;
        if ((ccr & (CcrPsizeMask | CcrMsizeMask)) != (CcrPsize16 | CcrMsize16) || (ccr & (CcrDir | CcrPinc | CcrMem2Mem)) != 0)
        {
            core.StopRun(StopReason.UnmappedAccess, $"DMA channel 1 with CCR 0x{ccr:X}: the model moves 16-bit items from a peripheral to memory only", BaseAddress + Ccr1);
            return;
        }
        var done = reload - cndtr;
        var value = core.Memory.Read16(cpar);
        core.Memory.Write16(cmar + ((ccr & CcrMinc) != 0 ? 2 * done : 0), value);
        Transfers++;
        cndtr--;
        if (reload - cndtr == reload / 2) isr |= Htif1 | Gif1;
        if (cndtr == 0)
        {
            isr |= Tcif1 | Gif1;
            if ((ccr & CcrCirc) != 0) cndtr = reload;
        }
        UpdateIrq();
    }

    protected override uint ReadRegister(uint offset) => offset switch
    {
        Isr => isr,
        Ifcr => 0,
        Ccr1 => ccr,
        Cndtr1 => cndtr,
        Cpar1 => cpar,
        Cmar1 => cmar,
        _ => throw Unmodelled(offset, write: false),
    };

    protected override void WriteRegister(uint offset, uint value)
    {
        var enabled = (ccr & CcrEn) != 0;
        switch (offset)
        {
            case Ifcr:
                if ((value & ~0xFu) != 0) throw Unmodelled(offset, write: true); // channels 2 and 3
                isr &= (value & Gif1) != 0 ? ~0xFu : ~value;
                break;
            case Ccr1: ccr = value & 0x7FFF; break;
            // CNDTR, CPAR and CMAR are written only while the channel is disabled (RM "DMA_CNDTRx").
            case Cndtr1 when !enabled: cndtr = reload = value & 0xFFFF; break;
            case Cpar1 when !enabled: cpar = value; break;
            case Cmar1 when !enabled: cmar = value; break;
            case Cndtr1 or Cpar1 or Cmar1: break;
            default: throw Unmodelled(offset, write: true);
        }
        UpdateIrq();
    }

    void UpdateIrq() => irq.Set(
        ((ccr & CcrTcie) != 0 && (isr & Tcif1) != 0)
        || ((ccr & CcrHtie) != 0 && (isr & Htif1) != 0)
        || ((ccr & CcrTeie) != 0 && (isr & Teif1) != 0));
}
