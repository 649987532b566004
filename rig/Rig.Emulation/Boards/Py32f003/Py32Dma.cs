using Rig.Emulation.Boards.Common;
using Rig.Emulation.Cpu;

namespace Rig.Emulation.Boards.Py32f003;

/// <summary>
/// The DMA controller's three channels (Reference Manual, "Direct memory access controller (DMA)"): each request of
/// the peripheral SYSCFG_CFGR3 routes to a channel (DMA1_MAP, DMA2_MAP, DMA3_MAP) moves one 8- or 16-bit item from
/// CPAR to CMAR + n (MINC; DIR = 1: from CMAR + n to CPAR), counts CNDTR down, sets HTIF at half the block and TCIF
/// at its end, and in circular mode reloads CNDTR. Most requests are events (a conversion ended, a byte arrived);
/// a level request (<see cref="AddLevelRequest"/>: a transmitter's empty data register) is served for as long as it
/// is high, also when its channel is enabled while it is. A channel's GIF is set with any of its flags; IFCR's CGIF clears all
/// four. A channel's interrupt is TCIF&amp;TCIE | HTIF&amp;HTIE | TEIF&amp;TEIE; channel 1 has its own line, channels
/// 2 and 3 share one. Channels sit 20 bytes apart from CCR1 at 0x08. Transfers take no core cycles (ASSUMPTION: a
/// transfer's bus cycle stalls the core at most once per item). Memory-to-memory, peripheral increment and 32-bit
/// items are not modelled (such a request stops the run).
/// </summary>
public sealed class Py32Dma : RegisterBlock
{
    public const uint BaseAddress = 0x4002_0000;
    public const uint Size = 0x400;

    public const int Channels = 3;
    public const uint ChannelStride = 0x14;
    public const uint Isr = 0x00, Ifcr = 0x04, Ccr1 = 0x08, Cndtr1 = 0x0C, Cpar1 = 0x10, Cmar1 = 0x14;
    public const uint Ccr2 = Ccr1 + ChannelStride, Cndtr2 = Cndtr1 + ChannelStride, Cpar2 = Cpar1 + ChannelStride, Cmar2 = Cmar1 + ChannelStride;
    public const uint Gif1 = 1u << 0, Tcif1 = 1u << 1, Htif1 = 1u << 2, Teif1 = 1u << 3;
    public const uint CcrEn = 1u << 0, CcrTcie = 1u << 1, CcrHtie = 1u << 2, CcrTeie = 1u << 3, CcrDir = 1u << 4;
    public const uint CcrCirc = 1u << 5, CcrPinc = 1u << 6, CcrMinc = 1u << 7, CcrPsizeMask = 3u << 8, CcrMsizeMask = 3u << 10;
    public const uint CcrPsize16 = 1u << 8, CcrMsize16 = 1u << 10, CcrPlMask = 3u << 12, CcrMem2Mem = 1u << 14;

    /// <summary>Channel <paramref name="channel"/>'s flag <paramref name="channel1Flag"/> (given as channel 1's) in ISR/IFCR.</summary>
    public static uint Flag(int channel, uint channel1Flag) => channel1Flag << (4 * (channel - 1));

    readonly ArmCore core;
    readonly Py32Syscfg syscfg;
    readonly InterruptLine channel1Irq, channel23Irq;
    readonly uint[] ccr = new uint[Channels], cndtr = new uint[Channels], reload = new uint[Channels];
    readonly uint[] cpar = new uint[Channels], cmar = new uint[Channels];
    readonly Func<bool>?[] levels = new Func<bool>?[Py32Syscfg.Dma1MapMask + 1];
    uint isr;

    public Py32Dma(ArmCore core, Py32Syscfg syscfg, int channel1IrqNumber, int channel23IrqNumber) : base("DMA", BaseAddress)
    {
        this.core = core;
        this.syscfg = syscfg;
        channel1Irq = new InterruptLine(core, channel1IrqNumber);
        channel23Irq = new InterruptLine(core, channel23IrqNumber);
    }

    /// <summary>Items moved since reset.</summary>
    public long Transfers { get; private set; }

    /// <summary>Makes <paramref name="peripheralMap"/> a level request: served while <paramref name="level"/> is true.</summary>
    public void AddLevelRequest(uint peripheralMap, Func<bool> level) => levels[peripheralMap & Py32Syscfg.Dma1MapMask] = level;

    /// <summary>
    /// A peripheral's request (the ADC's end of conversion, the USART's received byte, its data register emptied):
    /// served by every enabled channel it is routed to, a level request until it drops or the block is done.
    /// </summary>
    public void Request(uint peripheralMap)
    {
        var level = levels[peripheralMap & Py32Syscfg.Dma1MapMask];
        for (var ch = 0; ch < Channels; ch++)
        {
            if (syscfg.ChannelRequest(ch + 1) != peripheralMap) continue;
            if (level is null) { if (Ready(ch)) Transfer(ch); }
            else while (Ready(ch) && level() && Transfer(ch)) { }
        }
    }

    bool Ready(int ch) => (ccr[ch] & CcrEn) != 0 && cndtr[ch] != 0;

    bool Transfer(int ch)
    {
        var c = ccr[ch];
        var psize = (c & CcrPsizeMask) >> 8;
        var msize = (c & CcrMsizeMask) >> 10;
        if (psize != msize || psize > 1 || (c & (CcrPinc | CcrMem2Mem)) != 0)
        {
            core.StopRun(StopReason.UnmappedAccess, $"DMA channel {ch + 1} with CCR 0x{c:X}: the model moves 8- or 16-bit items between a peripheral and memory only", BaseAddress + Ccr1 + (uint)ch * ChannelStride);
            return false;
        }
        var done = reload[ch] - cndtr[ch];
        var step = psize == 1 ? 2u : 1u;
        var mem = cmar[ch] + ((c & CcrMinc) != 0 ? step * done : 0);
        if ((c & CcrDir) != 0)
            // The APB register sees the item zero-extended in a word access (the register models take whole words).
            core.Memory.Write32(cpar[ch], step == 2 ? core.Memory.Read16(mem) : core.Memory.Read8(mem));
        else if (step == 2) core.Memory.Write16(mem, core.Memory.Read16(cpar[ch]));
        else core.Memory.Write8(mem, core.Memory.Read8(cpar[ch]));
        Transfers++;
        cndtr[ch]--;
        if (reload[ch] - cndtr[ch] == reload[ch] / 2) isr |= Flag(ch + 1, Htif1 | Gif1);
        if (cndtr[ch] == 0)
        {
            isr |= Flag(ch + 1, Tcif1 | Gif1);
            if ((c & CcrCirc) != 0) cndtr[ch] = reload[ch];
        }
        UpdateIrq();
        return true;
    }

    protected override uint ReadRegister(uint offset)
    {
        if (offset == Isr) return isr;
        if (offset == Ifcr) return 0;
        var (ch, reg) = ChannelRegister(offset) ?? throw Unmodelled(offset, write: false);
        return reg switch
        {
            Ccr1 => ccr[ch],
            Cndtr1 => cndtr[ch],
            Cpar1 => cpar[ch],
            _ => cmar[ch],
        };
    }

    protected override void WriteRegister(uint offset, uint value)
    {
        if (offset == Ifcr)
        {
            if ((value & ~0xFFFu) != 0) throw Unmodelled(offset, write: true);
            for (var ch = 1; ch <= Channels; ch++)
            {
                var bits = (value >> (4 * (ch - 1))) & 0xFu;
                isr &= ~Flag(ch, (bits & Gif1) != 0 ? 0xFu : bits);
            }
        }
        else
        {
            var (ch, reg) = ChannelRegister(offset) ?? throw Unmodelled(offset, write: true);
            var enabled = (ccr[ch] & CcrEn) != 0;
            // CNDTR, CPAR and CMAR are written only while the channel is disabled (RM "DMA_CNDTRx").
            switch (reg)
            {
                case Ccr1:
                    ccr[ch] = value & 0x7FFF;
                    UpdateIrq();
                    // A level request already high is served as soon as its channel is enabled.
                    if (!enabled && Ready(ch) && levels[syscfg.ChannelRequest(ch + 1)] is not null) Request(syscfg.ChannelRequest(ch + 1));
                    return;
                case Cndtr1 when !enabled: cndtr[ch] = reload[ch] = value & 0xFFFF; break;
                case Cpar1 when !enabled: cpar[ch] = value; break;
                case Cmar1 when !enabled: cmar[ch] = value; break;
            }
        }
        UpdateIrq();
    }

    /// <summary>The channel (0-based) and its channel-1 register offset, or null outside the channels' registers.</summary>
    static (int Channel, uint Register)? ChannelRegister(uint offset)
    {
        if (offset < Ccr1 || offset >= Ccr1 + Channels * ChannelStride) return null;
        var ch = (int)((offset - Ccr1) / ChannelStride);
        var reg = Ccr1 + (offset - Ccr1) % ChannelStride;
        return reg <= Cmar1 ? (ch, reg) : null;
    }

    bool Requesting(int ch)
    {
        var flags = isr >> (4 * ch);
        var c = ccr[ch];
        return ((c & CcrTcie) != 0 && (flags & Tcif1) != 0)
            || ((c & CcrHtie) != 0 && (flags & Htif1) != 0)
            || ((c & CcrTeie) != 0 && (flags & Teif1) != 0);
    }

    void UpdateIrq()
    {
        channel1Irq.Set(Requesting(0));
        channel23Irq.Set(Requesting(1) || Requesting(2));
    }
}
